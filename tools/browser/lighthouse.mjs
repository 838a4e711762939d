// Lighthouse (pinned in package.json) on the pages given, in one headless Chromium.
// Usage: CHROME_PATH=/usr/bin/chromium node lighthouse.mjs URL [URL...]
// Prints one JSON object {url: {accessibility, best-practices, performance}} (scores 0-100) and
// exits 1 when a page is below accessibility 100, best practices 95 or performance 95.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const THRESHOLDS = {accessibility: 100, 'best-practices': 95, performance: 95};
// The flags this closed network needs (no calls to Google's hosts), as for the Playwright tests.
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node lighthouse.mjs URL [URL...]');
  process.exit(2);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
});
const scores = {};
let failed = false;
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(THRESHOLDS),
    });
    const {categories, runtimeError, runWarnings} = result.lhr;
    if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
    scores[url] = {};
    for (const [name, minimum] of Object.entries(THRESHOLDS)) {
      const score = Math.round(categories[name].score * 100);
      scores[url][name] = score;
      if (score < minimum) failed = true;
    }
    // Audits that cost points, so a failure says what to fix.
    scores[url].failing = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
        && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id} (${a.score})`);
    if (runWarnings.length) scores[url].warnings = runWarnings;
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(scores, null, 2));
process.exit(failed ? 1 : 0);
