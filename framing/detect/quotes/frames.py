"""The words around the marks that say what a quotation is without anyone's speech: the word itself talked about
("the term ..."), a nickname ("dubbed ..."), the name of a work, law or campaign ("titled ...", "... rally"), a
label or option ("yes"), markup, and the doubt markers of scare quotes ("so-called ...").

Each frame is a closed class of English words, stated once here. A frame decides the kind before any speaker is
looked for, since "the word 'X'" is a mention whoever used X.
"""

from __future__ import annotations

import re

from framing.detect.attributions._base import NEOPRONOUNS
from framing.text.fastmatch import EndPattern
from framing.text.normalize import COMPOUND_HYPHENS
from framing.text.quotemarks import QuoteSpan

# The expression itself is talked about: named as a word or phrase, defined, spelled, typed or searched for.
MENTION_BEFORE = re.compile(
    r"(?:\b(?:word|words|term|terms|phrase|phrases|label|labels|expression|expressions|hashtag|acronym|terminology|"
    r"moniker|adjective|noun|verb|epithet|buzzword|catchphrase|euphemism|neologism|slang|such\s+as\s+the\s+word|"
    r"spelled|spelt|spelling|reads|read|written|typed|type|text|texted|texting|pronoun|pronouns|"
    r"(?:searched|searches|search|searching)\s+for|googled|googling|search\s+terms?|"
    r"the\s+letters?|pronounced|mean\s+by|meant\s+by|means\s+by|(?:definition|definitions|meaning|meanings|"
    r"usage|synonym|synonyms|antonym|translation|spelling|pronunciation|mispronunciation)\s+of|"
    # a gloss of what a word means ("Porta dos Fundos, which literally means 'back door'"; not a bare "which means",
    # which states a consequence: "which means 'real pain' for families")
    r"literally\s+means|(?:literally|roughly)\s+translated|defined\s+as|translated\s+as|translates\s+as)\s*,?\s*)$"
    # words listed as examples ("words like", "banned words include"; not "the terms of the deal include", conditions)
    r"|\b(?:words?|terms?|phrases?|expressions?|labels?|pronouns?)\b[^.;:!?\"\u201c\u201d]{0,40}?\b(?:like|such\s+as)\s*(?:\(\s*)?$"
    # (words as a class, after a word that sorts them; not someone's own words: "his last words included '...'",
    # "Trump's words included")
    r"|\b(?:banned|forbidden|prohibited|offending|taboo|trigger|key|buzz|coded?|certain|such|these|those|the|other|"
    r"common|new|flagged|blacklisted|disallowed)\s+(?:words|phrases|expressions)\s+(?:include|includes|included|"
    r"including)\s*$"
    # "language" and "wording" as words, after another word and not in a compound ("Spanish-language networks such
    # as", "body language experts like"): followed at once by "like"/"such as", or by a relative clause that ends in
    # it ("language that refers to discouraged activities, such as")
    r"|[^\w-](?:language|wording)(?:\s*,?\s*|\s+(?:that|which)\s[^.;:!?\"\u201c\u201d]{0,60}?)(?:like|such\s+as)\s*$",
    re.IGNORECASE)
# A word's meaning given: "means", "meant", "doesn't mean".
_MEANS = r"(?:means|meant|(?:does|do|did)(?:n['\u2019]t|\s+not)\s+mean)"
MENTION_AFTER = re.compile(
    r"^\s*,?\s*(?:" + _MEANS + r"|stands\s+for|as\s+an?\s+(?:word|term|slur|label|insult|epithet)|"
    r"(?:label|labels|tag|tags|moniker|epithet|slur)\b|(?:is|was|are|were)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:word|term|phrase|euphemism|buzzword|catchphrase|code\s+word|misnomer|neologism)s?\b|"
    r"(?:is|was)\s+coined|(?:is|was|are|were)?\s*(?:mentioned|uttered|spelled|spelt|misspelled)\b)",
    re.IGNORECASE)
# A personal pronoun alone in marks, in lower case, after a verb of calling, choosing or writing words is the word
# itself ("call me 'him' or 'her'", "written about as 'they'", "prefers 'she'", "her pronouns are 'she'", "wrote
# 'they' on the form"); elsewhere it may be an answer ("'Him,' she said"), a title ("the film 'Her'") or the writer's
# populist "them".
PRONOUN_WORDS = NEOPRONOUNS | frozenset("he she they him her them his hers theirs himself herself themself themselves"
                                        .split())
PRONOUN_NAMING_BEFORE = re.compile(
    r"\b(?:call|calls|called|calling|address|addressed|refer\s+to\s+\w+|referred\s+to\s+\w+|as|use|uses|used|using|"
    r"pick|picks|picked|prefer|prefers|preferred|singular|plural|write|writes|wrote|written|add|adds|added|replace|"
    r"replaces|replaced|replacing|pronouns?\s+(?:is|are|was|were))(?:\s+(?:me|him|her|them|us|you|myself|himself|"
    r"herself|themselves))?\s*,?\s*$", re.IGNORECASE)
# "means" after a quoted word is about the word itself only when the word stands bare: after a determiner it names a
# thing ("the 'pause' does not mean the end of talks"; "that" is as often the complementiser: "the common sense that
# 'sex' means ...").
MEANS_AFTER = re.compile(r"^\s*,?\s*" + _MEANS + r"\b", re.IGNORECASE)
# Determiners and possessives that open a noun phrase.
DETERMINER_WORDS = frozenset("the a an this these those his her their its our my your".split())
DETERMINER_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DETERMINER_WORDS)) + r")\s*$", re.IGNORECASE)
# Two quoted words set against each other as alternatives, or one as the meaning of the other, are talked about as
# words: `meant to say "wouldn't" instead of "would"`, `"refugee" rather than "migrant"`, `"safer" doesn't mean
# "risk-free"`. Only the connective may stand between the marks (`a "pause" rather than a "ban"` is about the things,
# not the words).
_CONTRAST = r"(?:instead\s+of|rather\s+than|in\s+place\s+of|versus|vs\.?|" + _MEANS + ")"
CONTRASTED_BEFORE = re.compile(r"[\"\u201d'\u2019]\s*,?\s*" + _CONTRAST + r"\s*$", re.IGNORECASE)
CONTRASTED_AFTER = re.compile(r"^\s*,?\s*" + _CONTRAST + r"\s*[\"\u201c'\u2018]", re.IGNORECASE)
NAME_BEFORE = re.compile(
    r"\b(?:nicknamed|dubbed|known\s+(?:\w+ly\s+)?as|aka|a\.k\.a\.|nickname|nicknames|called\s+(?:him|her|himself|herself|"
    r"themselves|itself)|calls\s+(?:him|her|himself|herself)|"
    r"(?:nicknamed|dubbed)\s+(?:him|her|them|himself|herself|themselves|itself|the\s+[\w'\u2019-]+))\s*,?\s*$",
    re.IGNORECASE)
# A naming verb whose object the quotation names ("whom fans call", "a group calling itself", "refer to the checkpoint
# as"): a name when the quoted words are written as one (capitalised), a description otherwise ("which critics call 'a
# witch hunt'"); "what he called 'New York values'" quotes his wording, not a name
NAMED_AS = re.compile(
    r"\b(?:(?:whom|which|that)\s+(?:[\w'\u2019-]+\s+){0,3}call(?:s|ed)?|call(?:s|ed|ing)\s+(?:itself|himself|"
    r"herself|themselves)|refer(?:s|red|ring)?\s+to\s+(?:[\w'\u2019-]+\s+){0,5}as)\s*,?\s*$", re.IGNORECASE)
TITLE_BEFORE = re.compile(
    r"\b(?:(?:signs?|placards?|banners?|posters?|billboards?|t-shirts?|shirts?|hats?|caps?|stickers?)\s+"
    r"(?:that\s+|which\s+)?(?:read|reads|reading|said|saying)|"
    r"titled|entitled|headlined|headline|book|film|movie|documentary|song|album|show|series|podcast|op-ed|"
    r"column|essay|article|report|memo|slogan|motto|operation|campaign|programme|program|doctrine|initiative|"
    r"video|ad|advert|advertisement|play|poem|speech|hashtag|banner|sign|placard|t-shirt|shirt|the\s+(?:new|"
    r"latest))\s*,?\s*$", re.IGNORECASE)
# The frames of TITLE_BEFORE that name what follows as a title whatever its words: a sign's text, "titled", a slogan.
NAMED_AS_TITLE = re.compile(
    r"\b(?:(?:signs?|placards?|banners?|posters?|billboards?|t-shirts?|shirts?|hats?|caps?|stickers?)\s+"
    r"(?:that\s+|which\s+)?(?:read|reads|reading|said|saying)|titled|entitled|headlined|headline|slogan|motto|"
    r"hashtag)\s*,?\s*$", re.IGNORECASE)
# A verb of calling with its object right before the quotation ("called the program 'deeply flawed'", "labelled the
# bill 'a disgrace'"): the quotation is what the object is called, so a work noun there (TITLE_BEFORE) is the object,
# not the head of a title in apposition ("the program 'Head Start'").
CALLED_OBJECT = re.compile(
    r"\b(?:calls?|called|calling|labell?ed|labels?|labell?ing|branded|brands?|branding|dubbed|dubs?|dubbing|termed|"
    r"deemed|deems?|deeming)\s+(?:the|this|that|these|those|his|her|their|its|our|a|an)\s+(?:[\w-]+\s+){0,2}[\w-]+"
    r"\s*,?\s*$", re.IGNORECASE)
TITLE_AFTER = re.compile(
    r"^\s*(?:rally|rallies|campaign|movement|act|bill|law|program|programme|initiative|tour|show|series|"
    r"podcast|doctrine|plan|policy|operation|strategy|agenda|caucus|summit|conference|march|ad|ads|video|"
    r"documentary|book|report|memo|list|award|prize|slogan|revolution|intifada|project|order|rule|"
    r"amendment|clause|provision|protocol|deal|accord|agreement|pact|treaty|event|festival|concert|speech|"
    r"address|tweet|post|column|article|headline|segment|episode|film|movie|song|album|game|app|hashtag|"
    r"website|blog|newsletter|brand|chant|t-shirt|sign|signs|banner|banners|placards?)\b", re.IGNORECASE)
# A quotation right before one of these nouns names that thing ("the 'zero tolerance' policy", "a 'waiver' clause",
# "the 'Unite the Right' rally"): the guidelines' titles of laws, rules, operations, events and campaigns.
NAMING_HEAD = re.compile(
    r"^\s*(?:policy|policies|rule|rules|law|laws|act|bill|program|programme|programs|clause|provision|doctrine|plan|"
    r"strategy|initiative|campaign|movement|rally|operation|project|protocol|amendment|order|agenda|tour|summit|"
    r"conference|festival|award|prize|series|show|podcast|documentary|film|movie|book|song|album|slogan|hashtag|"
    r"app|website|newsletter|report|memo|list|era|deal|accord|agreement|treaty|pact|exemption|loophole|"
    r"test|standard|system|model|approach|option|process|method|scheme)\b", re.IGNORECASE)
ORG_AFTER = re.compile(r"^\s*(?:PAC|super\s+PAC|group|organi[sz]ation|party|caucus|coalition|network|foundation|"
                       r"fund|committee|company|club|team|centre|center|camp|prison|facility|base|building|"
                       r"bridge|hotel|restaurant|bar|ranch|estate|account|handle|channel)\b", re.IGNORECASE)
# A button or link the reader is told to click ("click 'expand' to read"): the guidelines' UI labels, nobody's
# words. Not "tap", "hit" or "press", which take other objects too ("tap 'a real fighter' as his running mate").
UI_LABEL_BEFORE = re.compile(r"\b(?:click|clicks|clicking)\s+(?:on\s+)?$", re.IGNORECASE)
OTHER_CONTENT = re.compile(
    r"^(?:yes|no|aye|nay|yea|true|false|mostly\s+true|mostly\s+false|half\s+true|pants\s+on\s+fire|"
    r"leave|remain|present|abstain|none|other|n/?a|ok|okay|like|dislike|agree|disagree|strongly\s+agree|"
    # a ballot's option to refuse every candidate
    r"none\s+of\s+(?:the\s+above|these\s+candidates)|"
    r"strongly\s+disagree|undecided|don'?t\s+know|a|b|c|d|f|a\+|a-|"
    # the answer scales of opinion polls ("a 'great deal' or a 'fair amount' of trust")
    r"(?:a\s+)?great\s+deal|(?:a\s+)?fair\s+amount|not\s+(?:very|too)\s+much|none\s+at\s+all|not\s+at\s+all|"
    r"(?:strongly|somewhat)\s+(?:approve|disapprove|favou?r|oppose|support)|"
    r"(?:very|somewhat|mostly)\s+(?:favou?rable|unfavou?rable|likely|unlikely|confident|satisfied|dissatisfied)|"
    r"not\s+(?:very\s+|at\s+all\s+)?(?:likely|confident|satisfied))[.,!?]?$", re.IGNORECASE)
# Sounds and interjections, letters repeated as they are in writing ("hmmm", "ugh", "whoosh"); not "boom" and "bang",
# which are nouns too ("the oil 'boom'"). (No two runs of one letter side by side: "o+o+" would try every split of a
# long run of o's.)
INTERJECTION = re.compile(
    r"(?:h+m+|u+g+h+|m+e+h+|o{2,}p+s+|w+h+o+a+|w+o+w+|y+i+k+e+s+|h+u+h+|a+h+e+m+|p+h+e+w+|o+u+c+h+|y+a+y+|bo{2,}|"
    r"(?:ha){2,}|ha\s+ha|uh[- ]oh|splat|thud|whoosh|tsk(?:\s+tsk)?|d['\u2019]oh|duh|z{3,}|s+h{2,})"
    r"[.!?,]*$", re.IGNORECASE)
# A quoted name right after "told" or "on" is the program or publication spoken to, not anyone's words: "told
# "Meet the Press" that ...", "said on "Fox & Friends"", "in an interview with "The View"".
ADDRESSEE_BEFORE = re.compile(
    r"\b(?:told|tells|telling|(?:appeared|appearing|appears|spoke|speaking|said|says)\s+(?:on|to)|"
    r"interview\s+(?:with|on)|interviewed\s+(?:by|on))"
    # the broadcaster's name or "the" may stand before the show: "told NBC's", "said on the"
    r"(?:\s+(?:the|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?['\u2019]s?))?\s*$"
    # or "on" and the broadcaster's name, whatever the verb: "explained all on MSNBC's"
    r"|\bon\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?['\u2019]s?\s*$", re.IGNORECASE)
ADDRESSEE_AFTER = re.compile(r"^\s*(?:[,.;:]|that\b|on\b|in\b|this\b|last\b|earlier\b|late\b|about\b|and\b|when\b|"
                             r"after\b|before\b|of\b|over\b|during\b|the\s+other\b|\w+day\b)", re.IGNORECASE)
# A thing named by a participle: "an experiment called "The Doll Test"", "a movement ..., called "No Left"". The word
# before is a common noun or a comma; a pronoun or a name there is a speaker calling something a name.
NAMING_PARTICIPLE = re.compile(r"(?:\b([a-z][a-z-]+)|,)\s+(?:called|named|titled|entitled)\s*$")
NOT_NAMED_THING = frozenset("""he she they we i you it who which that what whom critics opponents supporters people
    many some others officials experts""".split())
NAMED_ENTITY_NOUNS = frozenset("""group organisation organization company firm man woman person boy girl place town city
    village street road facility account user page channel site website club band team ship dog cat horse""".split())
MARKUP_BEFORE = re.compile(r"\b[\w:-]+=$")
# A hyphen in a compound as texts write it (the lexicon matcher folds them alike).
HYPHEN = "[" + re.escape(COMPOUND_HYPHENS) + "]"
# Words of pretence or doubt right before the marks (a bracket may close between them: "(largely illusory)
# 'peace process'"): the writer does not grant the word its sense.
SO_CALLED = re.compile(rf"\b(?:so(?:{HYPHEN}|\s)called|self(?:{HYPHEN}|\s)(?:styled|proclaimed)|supposed|supposedly|"
                       rf"purported|purportedly|ostensible|ostensibly|would{HYPHEN}be|illusory|imaginary|mythical|"
                       r"officially|derided|phony|phoney|bogus|pseudo|misnamed|mislabell?ed)\)?\s*$", re.IGNORECASE)
# A marker that doubts a whole name, with one or two of the name's modifiers between ("the so-called Republican
# 'leadership'", "the misnamed 'Affordable' Care Act"): the words between must be nouns or adjectives (not "the
# self-styled prophet said '...'"), checked by the caller.
SO_CALLED_NAME = re.compile(rf"\b(?:so(?:{HYPHEN}|\s)called|self(?:{HYPHEN}|\s)(?:styled|proclaimed)|misnamed|"
                            r"mislabell?ed)((?:\s+[\w-]+){1,2})\s*$", re.IGNORECASE)
# Hedges and irony before a quotation nobody is said to say: "a kind of 'collateral damage'", "the dreaded 'different
# opinion holder'". Unlike "so-called" they also frame a speaker's words ("Biden said it was the kind of 'moment that
# defines a generation'"), so they count only where no speaker is found.
HEDGE = re.compile(r"\b(?:(?:kind|sort)\s+of|dreaded|quote[-\s]unquote)\s*$", re.IGNORECASE)
# A verb of labelling with its object and "as" right before the quotation ("identifying himself as a 'hack'",
# "attacked VOA as Chinese 'propaganda'", "see her as 'honest'"): the label is the labeller's word, however the
# writer regards it (the guidelines' partial quote); and a verb of calling right before it ("prisoners the U.S. has
# called 'hostages'").
LABELLED_AS = re.compile(
    r"\b(?:(?:describ|identif|brand|attack|denounc|dismiss|criticiz|criticis|labell?|characteriz|characteris|"
    r"portray|paint|cast|hail|prais|tout|deride|derid|mock|condemn|depict|refer|view|regard|lambast|ridicul|"
    r"disparag|smear|decr|see|saw|seen)\w*\s+(?:[\w'\u2019-]+\s+){0,4}?as\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?|"
    r"(?:has|have|had)\s+(?:long\s+|repeatedly\s+|often\s+|also\s+)?(?:called|labell?ed|branded|dubbed|termed)\s+)$",
    re.IGNORECASE)
# Nouns that end the name of a rule, law, plan or test ("eight-state rule", "the doll tests").
TITLE_NOUNS = frozenset("""rule rules act bill law doctrine plan agreement accord treaty pact deal initiative program
    programme test tests amendment clause protocol strategy policy""".split())
SMALL = frozenset("a an the of and or for to in on at by with from as is but vs nor de la le".split())

CUE_BEFORE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|asked|asks|added|adds|adding|wrote|writes|replied|replies|"
    r"continued|declared|stated|tweeted|posted|explained|insisted|warned|noted|argued|claimed|stressed|"
    r"announced|responded|recalled|quipped|joked|shouted|chanted|chanting|called|calling|quote)\b"
    r"(?:\s+[\w\u2019'.-]+){0,5}\s*[,:]?\s*$", re.IGNORECASE)
_CUE_BEFORE = EndPattern(CUE_BEFORE)  # tested backwards, in lower case: the same answers (framing.text.fastmatch)


def title_case(words: list[str], min_words: int = 2) -> bool:
    """Is every word that is not a small function word capitalised, with at least ``min_words`` such words? With one
    ("The Takeout", "Hardball") it is a name's shape: alone no evidence, beside a show or a medium it is."""
    sig = [w for w in words if w.lower() not in SMALL]
    return len(sig) >= min_words and all(w[:1].isupper() or w[:1].isdigit() for w in sig) and len(words) <= 12


def starts_clause(before: str) -> bool:
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    return not b or b.endswith((":", ".", "!", "?"))


def cue_right_before(before: str) -> bool:
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    return _CUE_BEFORE.found(b)


def between_names(text: str, q: QuoteSpan) -> bool:
    """Dwayne "The Rock" Johnson: a short quotation between two capitalised name parts on one line."""
    content = text[q.start:q.end]
    if len(content.split()) > 3 or content.rstrip()[-1:] in ",.;:!?":
        return False
    b = text[max(0, q.start - 25):q.start - 1]
    a = text[q.end + 1:q.end + 25]
    return bool(re.search(r"\b[A-Z][a-z]+ $", b)) and bool(re.match(r" [A-Z][a-z]+\b", a)) and \
        not re.search(r"\b(?:said|says|told|The|A|An)\s$", b)


def nickname_before_surname(text: str, q: QuoteSpan) -> bool:
    """'"Iron Helena" Vasquez-Orr fumed': a capitalised nickname opening a sentence, right before a surname."""
    content = text[q.start:q.end]
    words = content.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or content.rstrip()[-1:] in ",.;:!?":
        return False
    b = text[max(0, q.start - 3):q.start - 1]
    after = re.match(r" [A-Z][\w-]+(?:['\u2019]s)?[ ,]\s*(\w*)", text[q.end + 1:q.end + 40])
    return (not b.strip() or b.rstrip()[-1:] in ".!?") and after is not None \
        and after.group(1) not in _SAID  # `"Yes We Can" Obama said`: a quotation and its speaker


_SAID = frozenset("said says told tells wrote writes added adds asked asks recalled replied".split())


def subject_and_verb(words: list[str]) -> bool:
    """Does a quotation open with a subject (a personal pronoun, "there", or a determiner and up to two words) followed
    by a finite auxiliary or modal, so that it holds a clause of its own ("we are getting out", "there are scores",
    "their position is now ...")? A fragment whose subject is outside the marks opens with the verb."""
    if len(words) < 3:
        return False
    low = [w.lower().replace("\u2019", "'") for w in words[:5]] + [""]
    if low[0] in _SUBJECT_PRONOUNS:
        return low[0] in _CONTRACTED or low[1] in _FINITE or (low[1] in _ADVERBS_BEFORE_VERB and low[2] in _FINITE)
    if low[0] in _CLAUSE_DETERMINERS:
        return any(x in _FINITE for x in low[2:4])
    return False


_SUBJECT_PRONOUNS = NEOPRONOUNS | frozenset("i we you he she they it there i'm we're you're he's she's they're it's there's i've "
                              "we've they've i'll we'll you'll he'll she'll they'll it'll i'd we'd they'd".split())
_CONTRACTED = frozenset(w for w in _SUBJECT_PRONOUNS if "'" in w)
_FINITE = frozenset("""am is are was were has have had do does did will would can could shall should may might must
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't couldn't shouldn't
    need needs want wants think thinks know knows believe believes""".split())
_ADVERBS_BEFORE_VERB = frozenset("just also still never always really only even all both".split())
_CLAUSE_DETERMINERS = frozenset("the their his her its our my your this these those".split())


# Finite verbs that follow a clause's subject: auxiliaries, modals and copulas (negated too), and a few linking verbs.
_SUBJECT_VERB = re.compile(r"[ \t\u00a0]+(?:is|was|are|were|has|have|had|will|would|can|could|does|did|may|might|must|"
                           r"should|isn't|wasn't|aren't|weren't|hasn't|haven't|doesn't|didn't|won't|wouldn't|can't|"
                           r"seems|seemed|remains|remained|becomes|became)\b")


def subject_of_clause(lead: str, content: str, words: list[str], after: str) -> bool:
    """Is a quotation a noun phrase that opens its sentence as the subject of the clause: nothing but a conjunction,
    a determiner and up to two modifiers before it in the sentence (``lead``), a determiner there or opening the
    quotation, no closing punctuation inside the marks, and a finite verb right after them ('"The Russian scandal"
    is recognized now ...', 'The "new normal" has become ...')? Not a phrase inside a longer subject ('Supporters of
    "defund the police" were ...'), a name's ('Obama's "red line" was crossed'), a slogan, a chant or a clause ('"Lock
    her up" was chanted'), nor a title ('"Game of Thrones" was ...')."""
    if content.rstrip()[-1:] in (".", ",", ";", ":", "!", "?") or not _SUBJECT_VERB.match(after):
        return False
    m = _SUBJECT_LEAD.fullmatch(lead.strip())
    return m is not None and bool(words) and not title_case(words) and (
        m.group(1) is not None or words[0].lower() in _SUBJECT_DETERMINERS)


_SUBJECT_DETERMINERS = frozenset("the this that these those a an its their our his her such".split())
_SUBJECT_LEAD = re.compile(r"(?:(?:and|but|so|yet|or|now|still)\s+)?(?:(the|this|that|these|those|a|an|its|their|our|"
                           r"his|her|such)(?:\s+[a-z][\w-]{0,40}){0,2})?", re.IGNORECASE)


def coordinated(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    """Are two quotations joined only by "and", "or" or a comma ("unacceptable" and "inaccurate")?"""
    if a.depth != b.depth or b.start <= a.end or text[a.start:a.end].rstrip()[-1:] == ".":
        return False  # (a quotation that ends its sentence is no list's first item: `"painful." "We regret it," ...`)
    between = text[a.end + 1:b.start - 1]
    return len(between) <= 12 and bool(re.fullmatch(r"\s*(?:,\s*)?(?:and|or|,)?\s*", between)) and \
        len(text[b.start:b.end].split()) <= 4


# Words that open a verb phrase: auxiliaries and modals (negated too), and the infinitive marker.
_VERB_OPENERS = frozenset("""is are was were be been being am has have had having do does did will would shall should
    can could may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't
    can't couldn't shouldn't mustn't to""".split())
# -ing words that are usually nouns or adjectives, not participles.
_ING_NOUNS = frozenset("""thing things nothing something anything everything king kings ring string spring morning
    evening building buildings meeting meetings feeling feelings being beings wedding ceiling during bring sing
    setting settings funding timing training housing hearing hearings ruling rulings""".split())


def verb_phrase(words: list[str]) -> bool:
    """Does the quotation open with a verb phrase ("spewing lies", "didn't want the embrace", "to do everything")?

    Scare quotes hold a word or a label at a distance; a quoted verb phrase of two or more words is someone's
    wording woven into the writer's sentence (the guidelines' partial quote), even when no cue names them.
    """
    if len(words) < 2:
        return False
    first = words[0].lower().replace("\u2019", "'")
    return first in _VERB_OPENERS or (first.endswith("ing") and len(first) > 4 and first not in _ING_NOUNS)
