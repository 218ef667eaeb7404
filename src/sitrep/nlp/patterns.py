"""Name patterns kept as data: titles, honorifics, particles, generations."""

# Titles and honorifics stripped from the front of a name ("Foreign Minister Sergei X" → "Sergei X").
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady president vice prime deputy minister foreign
    defence defense interior finance secretary general gen lieutenant lt colonel col major maj captain capt
    commander cmdr admiral adm sergeant sgt ambassador envoy spokesman spokeswoman spokesperson senator
    sen rep representative governor gov mayor king queen prince princess sheikh sheik emir mullah maulvi
    mawlawi imam ayatollah chief former acting first late state chairman chairwoman chair director
    justice judge pope bishop father brother sister commissioner premier chancellor""".split()
)
# The head of an office title: whatever capitalised words stand directly before it belong to the title
# ("Health Minister X", "Homeland Security Secretary X", "Army Spokesman X" → X), and "Minister of X"
# takes its portfolio along ("Minister of Foreign Affairs X" → X).
OFFICE_HEADS = frozenset(
    """minister secretary spokesman spokeswoman spokesperson commander chief ambassador envoy director
    chairman chairwoman governor mayor president premier""".split()
)
# Words of a portfolio after "Minister of" / "Secretary of" ("Minister of the Interior", "of Foreign Affairs").
PORTFOLIO_WORDS = frozenset(
    """health defence defense foreign affairs interior internal external home justice finance economy economic
    economics education agriculture energy transport transportation trade industry labour labor culture
    environment information communications state war security emergency emergencies social welfare
    development planning tourism sport sports youth water resources mines mining oil petroleum public works
    housing infrastructure science technology digital national veterans relations commerce treasury
    immigration refugees reconstruction reintegration and for of the""".split()
)
# Titles that only a person carries (not "minister" alone: "the Foreign Minister X" is fine, but a
# ministry can be a "foreign minister's office").
PERSONAL_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady governor mayor senator sen president general gen colonel col
    captain capt commander ambassador envoy spokesman spokeswoman sheikh mullah maulvi imam ayatollah
    deputy minister secretary king queen prince princess pope judge""".split()
)
# Small words inside names that acronyms skip ("Front for the Liberation of X" → FLX).
NAME_PARTICLES = frozenset("of the and for de du des la le al el di von van da".split())
# A name ending in one of these names a generation of a family ("X Jr." is not "X").
GENERATION_MARKERS = {"jr": "Jr.", "junior": "Jr.", "sr": "Sr.", "senior": "Sr.", "ii": "II", "iii": "III"}
# The last word of an organisation's name that makes it one, whatever the tagger said ("X Foundation").
ORGANISATION_HEADS = frozenset(
    """foundation front council agency ministry party army committee alliance union institute university
    college company corporation bank fund trust association federation movement brigade brigades
    battalion corps command office commission network channel television radio news times post""".split()
)
