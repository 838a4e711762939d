from tests.factories import make_rec
from tests.follow.helpers import ADDRESS, approved_update, follow, followed, sent


def test_smoke(client):
    rec = make_rec()
    followed(client)
    before = len(sent(ADDRESS))
    approved_update(rec)
    mails = sent(ADDRESS)
    assert len(mails) == before + 1
    print(mails[-1])
