"""What delivery announces, for packages above mail (they connect; mail knows none of them).

email_given_up: sent with the OutboxEmail (sender) when delivery gives it up (state dead),
before that is committed, so a receiver's rows commit with it. Never its address in a receiver.
"""

from blinker import Namespace

_signals = Namespace()
email_given_up = _signals.signal("mail.email-given-up")
