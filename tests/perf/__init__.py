"""Performance: the scale data, the benchmark and its wrk parser."""
