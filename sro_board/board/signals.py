"""What the board's services announce, for packages above it (they connect; board knows none).

reviewer_assigned: sent by intakes.assign_reviewer with the intake (sender) and reviewer=User,
inside the transaction that assigns: a receiver's rows (an outbox email) commit or roll back
with the assignment.
"""

from blinker import Namespace

_signals = Namespace()
reviewer_assigned = _signals.signal("board.reviewer-assigned")
