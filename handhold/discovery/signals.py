"""Events of the Discover stage that later stages act on.

Discover comes before the sessions in the journey, so it does not import them; a later stage
that must act inside the same write connects here instead (together.apps).
"""

from django.dispatch import Signal

# Sent inside the transaction that changed a person's answers, with `person` and `pack`: a
# change to no must remove a match at once, also from a session plan still open.
answers_changed = Signal()
