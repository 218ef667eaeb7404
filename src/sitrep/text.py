"""One home for the text helpers every stage shares: paragraph breaks, dashes, common words."""

import re

# Paragraphs of a clean text are joined with this; a break in other texts may hold spaces too.
PARAGRAPH_SEPARATOR = "\n\n"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Dashes: tokens of their own even when glued to a word or a quote mark ("shame.”― Jane Doe").
DASHES = r"[―—–]"

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves said says
    say told one two three new also would could like many much well even still just since""".split()
)
