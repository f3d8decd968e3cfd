import pytest

import framing


def quotes(text):
    return [(f.text, f.kind, f.speaker) for f in framing.analyse(text).of_type("quote")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will strengthen our defences," General Omar Baqi said.',
         [("We will strengthen our defences,", "direct", "Omar Baqi")]),
        ('Mayor Ann Lee said the plan was "a disaster for the city."',
         [("a disaster for the city.", "partial", "Ann Lee")]),
        ('The "experts" were wrong again.', [("experts", "scare", None)]),
        ('Even so-called "police actions" were banned.', [("police actions", "scare", None)]),
        ('He joined the "Unite the Right" rally.', [("Unite the Right", "title", None)]),
        ('They used the word "cheese" as code.', [("cheese", "mention", None)]),
        ('They asked for the definition of "natural born citizen."', [("natural born citizen.", "mention", None)]),
        ('The boxer, nicknamed "The Hammer", won.', [("The Hammer", "name", None)]),
        # after "called him/her", a nickname is written as a name; words in lower case describe: the caller's
        ('Trump called him "Little Marco" again.', [("Little Marco", "name", None)]),
        ('The president called her "bad news."', [("bad news.", "partial", "The president")]),
        ("Only one 'no' vote was cast.", [("no", "other", None)]),
        ("cats are \u201ccuties\u201d", [("cuties", "scare", None)]),
        # a name and any past-tense verb, then a comma and a quotation opening a clause: the frame reports it
        ('Headline\n\nAt the debate, Hillary Clinton cracked, "I am a progressive who gets things done."',
         [("I am a progressive who gets things done.", "direct", "Hillary Clinton")]),
        # a day is not the person a sentence is about
        ('Headline\n\nThursday night was a one-sided affair.\n\n"This party is not divided at all, and it will win."',
         [("This party is not divided at all, and it will win.", "direct", None)]),
        # inside a speaker's quotation: a sentence they voice, and their own distancing
        ('Headline\n\n"Not just, \'I am for her,\' but more," Jane Roe said.',
         [("Not just, 'I am for her,' but more,", "direct", "Jane Roe"), ("I am for her,", "direct", "Jane Roe")]),
        ('Headline\n\n"Our ideas of \'success\' differ," Jane Roe said.',
         [("Our ideas of 'success' differ,", "direct", "Jane Roe"), ("success", "scare", None)]),
        # a phrase opening with a capital letter inside a sentence is a name or title, not the writer's distancing
        ('Headline\n\nI lived through the 2002 "Beltway sniper" attacks.', [("Beltway sniper", "title", None)]),
        ('Headline\n\nHe lived through the "sniper" attacks.', [("sniper", "scare", None)]),
        # the program or paper someone spoke to is a title, not their words
        ('The senator told "Morning Desk" on Friday that she would run.', [("Morning Desk", "title", None)]),
        ('Ms. Ortiz said on "The Late Hour" that talks had stalled.', [("The Late Hour", "title", None)]),
        # a thing named by a participle: a title; a person, group or place: a name
        ('Students ran an exercise called "The Paper Bridge" last spring.', [("The Paper Bridge", "title", None)]),
        ('Police raided a group called "Northern Dawn" on Monday.', [("Northern Dawn", "name", None)]),
        # the subject after a fronted adverbial speaks through the utterance noun
        ('Three weeks after the vote, Mayor Ann Lee made the claim that the count was "rigged" and walked out.',
         [("rigged", "partial", "Ann Lee")]),
        # a participial clause opening the sentence is not its subject, whatever commas it holds
        ('Speaking at a fair in Dover, Delaware, Mayor Ann Lee praised the staff, calling them "the best."',
         [("the best.", "partial", "Ann Lee")]),
        # any past-tense verb in the frame after a quotation reports it, listed or not
        ('Headline\n\n"Is that final?" Ann Lee pressed. "Could it change?"',
         [("Is that final?", "direct", "Ann Lee"), ("Could it change?", "direct", "Ann Lee")]),
        # a colon after the speaker's clause: neither the opening conjunction nor a possessor is the subject
        ('Headline\n\nTaxes rose. But Labour\'s Tomas Brandt raged: "This budget is a gift to the rich!"',
         [("This budget is a gift to the rich!", "direct", "Tomas Brandt")]),
        ('Headline\n\n"This is wonderful!" beamed Tom Reyes of Leeds.', [("This is wonderful!", "direct", "Tom Reyes")]),
        ('Headline\n\n"Too late," sobbed Lower Mill resident Nina Falk, 38.', [("Too late,", "direct", "Nina Falk")]),
        # a quotation opening the sentence after one about a named person, when nobody holds the turn
        ('Headline\n\nTaxes rose again.\n\nRuth Ames defended the plan at length.\n\n"Nobody got all they wanted, and '
         'that is why it works."', [("Nobody got all they wanted, and that is why it works.", "direct", "Ruth Ames")]),
        # ... but not after a passive sentence about a company
        ('Headline\n\nTaxes rose.\n\nHalvorsen is owned by businessman Erik Dahl, a friend of the minister since '
         'university.\n\n"Make sure the bid gets a proper look, and soon."',
         [("Make sure the bid gets a proper look, and soon.", "direct", None)]),
        # a short phrase in a sentence about a named person is their wording (an implicit attribution) ...
        ('Headline\n\nTaxes rose.\n\nAmira Sandoval talks about "climate adaptation" all the time.',
         [("climate adaptation", "partial", "Amira Sandoval")]),
        # ... but not in the writer's own question, nor with nobody named
        ('Headline\n\nTaxes rose.\n\nWill Helena Berg join Tom Brandt in a "coalition"?',
         [("coalition", "scare", None)]),
        # inside a quotation, a short phrase after a verb of saying is reported speech, not the speaker's distancing
        ('Headline\n\n"No American would ever say \'back of the queue\'," Nigel Farr told the BBC.',
         [("No American would ever say 'back of the queue',", "direct", "Nigel Farr"),
          ("back of the queue", "partial", "Nigel Farr")]),
        # a quotation that opens a that-clause and closes the sentence holds the whole clause: direct
        ('Headline\n\nSpokeswoman Jen Ward said that "the United States is appalled by the shelling."',
         [("the United States is appalled by the shelling.", "direct", "Jen Ward")]),
        ('Headline\n\nSpokeswoman Jen Ward said that "the shelling" went on.',
         [("the shelling", "partial", "Jen Ward")]),
        # a capitalised word inside a sentence is part of a name, not a time adverb: "USA Today", not "USA"
        ('Headline\n\nUSA Today reported: "The vote is close."',
         [("The vote is close.", "direct", "USA Today")]),
        # a sentence opening with a month is a time phrase; the pronoun takes the person before it
        ('Headline\n\nSenator Tom Ray spoke at noon. Last August, after a visit, he wrote that he wanted to '
         '"closely study" the plan.',
         [("closely study", "partial", "Tom Ray")]),
        # a paragraph ending in a colon introduces the quotation after it; a described subject speaks too
        ('Headline\n\nA number of readers of the column were not impressed:\n\n"She is out of line."',
         [("She is out of line.", "direct", "A number of readers of the column")]),
        # a name after a slash is a picture credit, never the person a pronoun refers to
        ('Headline\n\nA view of the hall. REUTERS/Yuri Gale\n\n"We are in talks," he wrote.',
         [("We are in talks,", "direct", None)]),
        # after a quotation's closing comma and mark comes its speaker, then an appositive, then the verb
        ('Headline\n\n"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was polled, said.',
         [("Both of them scare me,", "direct", "Harry Bond")]),
        ('Headline\n\nSenator Tom Ray spoke. "We will win this," the senator, a Republican, told reporters.',
         [("We will win this,", "direct", "Tom Ray")]),
        ('Headline\n\nThe hall was full. "Perpetual motion!" Rep. Glenn Thom, R-Pa., said of the crowd.',
         [("Perpetual motion!", "direct", "Glenn Thom")]),
        # a demonstrative subject stands for an event, not a speaker: the quotation keeps the last speaker
        ('Headline\n\n"Agents wear masks," Wayne Lapp wrote. This was after writing that "the comparison is valid."',
         [("Agents wear masks,", "direct", "Wayne Lapp"), ("the comparison is valid.", "direct", "Wayne Lapp")]),
        ('Headline\n\nShops shut early. "It can be the end," its chair, Ilse Marten, said.',
         [("It can be the end,", "direct", "Ilse Marten")]),
        # a that-clause holds what its subject says, whatever the verb
        ('Headline\n\nThe mayor spoke. Councillor Rita Vos shot back that "the budget was never balanced in the first '
         'place."', [("the budget was never balanced in the first place.", "direct", "Rita Vos")]),
        # "as X calls it" names whose term the phrase is; a pronoun there is the sentence's subject
        ('Headline\n\nThis "quiet crisis," as local doctors call it, grows every winter.',
         [("quiet crisis,", "partial", "local doctors")]),
        ('Headline\n\n"I grew up on a farm," Maria Lind said. The town knew her (a "farm girl from Oslo," as she called '
         'herself) at once.', [("I grew up on a farm,", "direct", "Maria Lind"),
                               ("farm girl from Oslo,", "partial", "Maria Lind")]),
        # a sentence opening with a participle has its subject after the comma
        ('Headline\n\nWriting for the majority, Judge Ana Ruiz raised the prospect of "lasting harm."',
         [("lasting harm.", "partial", "Ana Ruiz")]),
        # the words themselves talked about, after the quotation
        ('Headline\n\n"Due process" was the legal phrase most often heard that week.', [("Due process", "mention", None)]),
        ('Headline\n\nNowhere in the bill is "amnesty" mentioned.', [("amnesty", "mention", None)]),
        # with no doubt marker, a scare quote holds one word; a longer unattributed phrase is someone's wording
        ('Headline\n\nDecisions now come "within a few weeks" of arrival.',
         [("within a few weeks", "partial", None)]),
        ('Headline\n\nDecisions now come "very quickly" after arrival.', [("very quickly", "partial", None)]),
        ('Headline\n\nDecisions now come "quickly" after arrival.', [("quickly", "scare", None)]),
        # a fragment in a sentence about a named person or a described body is their wording, however long
        ('Headline\n\nPaul Rand worried that aid was becoming "a hammock that lulls able people to sleep."',
         [("a hammock that lulls able people to sleep.", "partial", "Paul Rand")]),
        ('Headline\n\nThe statement urged voters to "avoid condemning refugees as a group."',
         [("avoid condemning refugees as a group.", "partial", "The statement")]),
        # an utterance noun and a dash before the quotation; "states" after a quotation and its subject
        ('Headline\n\nBill Rook\u2019s stock answer \u2014 \u201cI will be fine whatever happens\u201d \u2014 still works.',
         [("I will be fine whatever happens", "direct", "Bill Rook")]),
        ('Headline\n\n"They know she is strong," a voice-over in the ad states. "She will stand up to them."',
         [("They know she is strong,", "direct", "the ad"), ("She will stand up to them.", "direct", "the ad")]),
        # the clause test on the words: a subject and its verb inside the marks make a clause, wherever it sits
        ('Headline\n\nAnn Vale claimed that "we are getting out of the business" but then added more.',
         [("we are getting out of the business", "direct", "Ann Vale")]),
        # three words are enough: a pronoun and a finite verb ("It is over") are a clause wherever the quotation sits
        ('Headline\n\nLater, "It is over," Ann Vale said.', [("It is over,", "direct", "Ann Vale")]),
        ('Headline\n\nAt one point, Ann Vale claimed "we weren\u2019t told" of the requests.',
         [("we weren\u2019t told", "direct", "Ann Vale")]),
        # ... unless a noun follows the marks, which then name it
        ('Headline\n\nThe "we are closed" sign stayed up all week, the owner said.',
         [("we are closed", "partial", "the owner")]),
        ('Headline\n\nAnn Vale said the plan "is tapping into something real" today.',
         [("is tapping into something real", "partial", "Ann Vale")]),
        # a show someone spoke to, after its broadcaster's name
        ('Headline\n\nAnn Vale told NBC\u2019s \u201cMeet the Nation\u201d that she would run.',
         [("Meet the Nation", "title", None)]),
        # the same after "on" and a broadcaster's name whatever the verb, after "said on" with a time adjunct, and a
        # one-word title before a show noun
        ('Headline\n\nAnn Vale explained it all on MSNBC\u2019s \u201cHardball\u201d the other night.',
         [("Hardball", "title", None)]),
        ('Headline\n\nAnn Vale said on \u201cMeet the Nation\u201d over the weekend that she would run.',
         [("Meet the Nation", "title", None)]),
        ('Headline\n\nAnn Vale told a reporter in an interview for "The Takeout" podcast.',
         [("The Takeout", "title", None)]),
        # hedges and irony mark the words as doubtful, like "so-called"
        ('Headline\n\nThe losses represent a kind of \u201ccollateral damage\u201d that war brings.',
         [("collateral damage", "scare", None)]),
        ('Headline\n\nThey rehearse a talk with the dreaded \u201cdifferent opinion holder\u201d at dinner.',
         [("different opinion holder", "scare", None)]),
        # a hedge frames a speaker's words too: only where nobody is said to say them is it a scare quote
        ('Headline\n\nBiden said it was the kind of "moment that defines a generation."',
         [("moment that defines a generation.", "partial", "Biden")]),
        # a headline's label of the story's type is no speaker
        ('Exclusive: "We will not back down," says Ann Vale\n\nVale spoke on Tuesday.',
         [("We will not back down,", "direct", "Ann Vale")]),
        # a quotation signed after a dash on its own line, with who the signer is after a comma (testimonials,
        # pull quotes); a sentence opener after the dash signs nothing
        ('Headline\n\n\u201cI have voted in every election since I turned 18.\u201d \u2014 Maria Lopez, 24, Texas\n\n'
         '\u201cNobody trusts either party.\u201d - Jorge, 51, a nurse from Tucson.',
         [("I have voted in every election since I turned 18.", "direct", "Maria Lopez"),
          ("Nobody trusts either party.", "direct", "Jorge")]),
        # a work noun that is the object of "called" is what is called so, not the head of a title
        ('Headline\n\nThe report, released Tuesday, called the program "deeply flawed."',
         [("deeply flawed.", "partial", "The report")]),
        ('Headline\n\nShe praised the program "Head Start" on Friday.', [("Head Start", "title", None)]),
        # the horizontal bar (U+2015, the quotation dash) signs as the em dash does; the full stop that ends the
        # signature's line is not part of the name, an initial's or "Jr."'s is
        ('Headline\n\n\u201cThey never listen to us.\u201d\u2015 Carla Sanchez.\n'
         '\u201cWe go on.\u201d \u2015 Martin Luther King Jr.\n\u201cWe stay.\u201d \u2014 John Q.\n',
         [("They never listen to us.", "direct", "Carla Sanchez"), ("We go on.", "direct", "Martin Luther King Jr."),
          ("We stay.", "direct", "John Q.")]),
        # a no-break space around the dash or between the names is a space; a signer described after a comma and a
        # signature on the next line take the horizontal bar too
        ('Headline\n\n\u201cThey never listen.\u201d\u00a0\u2015\u00a0Carla\u00a0Sanchez, 41, Ohio\n\n'
         '\u201cWe go on, and on.\u201d\n\u2015 Martin Luther King Jr.\n',
         [("They never listen.", "direct", "Carla Sanchez"), ("We go on, and on.", "direct", "Martin Luther King Jr.")]),
        ('Headline\n\n\u201cWe will win.\u201d \u2014 However, critics disagree.',
         [("We will win.", "partial", None)]),
        # after "called him", an article opens a description someone used, not a nickname; "known as" names
        ('Headline\n\nTrump reportedly called him \u201cthe most overrated general.\u201d',
         [("the most overrated general.", "partial", "Trump")]),
        ('Headline\n\nThe experiments were known as \u201cthe doll tests\u201d at the time.',
         [("the doll tests", "name", None)]),
        ('Headline\n\nFans called him \u201cThe Rock\u201d for years.', [("The Rock", "name", None)]),
        # a link list's label before a name and its colon is not part of the name
        ('Headline\n\nLawmakers met.\n\nMore: Rep. Jane Doe: \u201cWe will win this fight in the House.\u201d\n\nNews.',
         [("We will win this fight in the House.", "direct", "Jane Doe")]),
        # a link list's label is a kicker too, and the headline's own label after it speaks
        ('Headline\n\nMore: Rep. Ann Vale: If true, the allegations "constitute an impeachable offense"\n\nVale '
         'spoke on Tuesday.',
         [("constitute an impeachable offense", "partial", "Ann Vale")]),
        # (the label is a kicker only as a whole: a name that begins like one speaks)
        ('New Vale Party: \u2018We stand by it\u2019\n\nThe party spoke on Tuesday.',
         [("We stand by it", "direct", "New Vale Party")]),
        # a one-word reply that ends its sentence is no title, whatever noun opens the next sentence
        ('Headline\n\nAsked whether he would resign, Bo Lee said: "Never." Bill Johnson, his deputy, stayed on.',
         [("Never.", "direct", "Bo Lee")]),
        # a headline "Name: '...'" gives the quotation right after the colon to the name, whatever cue follows
        ('Ann Vale: \u2018No Idea\u2019 If I Would Have Told Them\n\nVale spoke on Tuesday.',
         [("No Idea", "direct", "Ann Vale")]),
        # a frame word must be a whole word: "assign" is not "sign", "head" is not "ad"
        ('Headline\n\nI am not trying to assign "equivalence" between left and right.',
         [("equivalence", "scare", None)]),
        ('Headline\n\nThe island, also called "Big Rock", is small.', [("Big Rock", "title", None)]),
        # an attribution that names nobody does not hide one that names its speaker
        ('Headline\n\nOpposing it gets you branded a bigot, says Ann Vale, "what is the next step? It is worse."',
         [("what is the next step? It is worse.", "direct", "Ann Vale")]),
        # a name modifying a noun for what someone says is its owner
        ('Headline\n\nIt was put best in this Justice Ann Vale quote: "The way to stop it is to stop it."',
         [("The way to stop it is to stop it.", "direct", "Ann Vale")]),
        # a list of one speaker's remarks under topic labels
        ('Headline\n\n"Now is the time," Ann Vale said.\n\nShe also had one-liners:\n\nOn taxes: "Cut them all."\n\n'
         'On rivals: "They are tired."', [("Now is the time,", "direct", "Ann Vale"), ("Cut them all.", "direct", "Ann Vale"),
                                          ("They are tired.", "direct", "Ann Vale")]),
        # a capitalised short phrase nobody says is a name or a title, not a scare quote
        ('Headline\n\nThe podcast is new. "Start Here" offers a look at the news.', [("Start Here", "title", None)]),
        # a capitalised nickname opening a sentence right before a surname is a name
        ('Headline\n\nThe polls closed. "Iron Helena" Vasquez-Orr fumed on live TV.', [("Iron Helena", "name", None)]),
        # doubled single marks close a quotation before its speaker and an appositive
        ("Headline\n\n''You need to act now,'' Representative Jo Ray, Democrat of Ohio, told Mr. Obama.",
         [("You need to act now,", "direct", "Jo Ray")]),
        # a signature line under a quotation paragraph names its author
        ('Headline\n\n"Wages have not kept up with prices."\n\n- Maria Okafor.\n\nThe claim is old.',
         [("Wages have not kept up with prices.", "direct", "Maria Okafor")]),
        # a thing named by a participle is not anyone speaking: the participle after the comma is the subject's
        ('Headline\n\nLater on Sunday, Mira Okafor shared a syllabus for a class called "Perception" on her page, '
         'writing "Here is the class you claim never existed."',
         [("Perception", "title", None), ("Here is the class you claim never existed.", "direct", "Mira Okafor")]),
        # a speech noun with its quotation after a comma; an -ly adverb opening the sentence is not its subject
        ('Headline\n\nMira Okafor spoke on Monday. Immediately after the vote, Okafor issued a statement, "We lost '
         'today."', [("We lost today.", "direct", "Okafor")]),
        # a that-clause holds what a described subject says, whatever the verb
        ('Headline\n\nThe plan is costly. The report projects that "imposing a tax would raise billions."',
         [("imposing a tax would raise billions.", "direct", "The report")]),
        # a dash ends a headline before the name that a colon introduces
        ('Headline\n\nTHE SOUTH SLIPS AWAY - Mira Okafor: "Two weeks ago, the South was his strongest region."',
         [("Two weeks ago, the South was his strongest region.", "direct", "Mira Okafor")]),
        # two quoted words set against each other are compared as words: mentions
        ('Had she meant to write "cannot" instead of "can", the memo would read differently.',
         [("cannot", "mention", None), ("can", "mention", None)]),
        ('The guide prefers "refugee" rather than "migrant" in headlines.',
         [("refugee", "mention", None), ("migrant", "mention", None)]),
        # a quoted word before "label" or "tag" is the word itself talked about
        ('Headline\n\nMany think the "racist" label is used too loosely.', [("racist", "mention", None)]),
        # the answers of a poll's scale are options, a word "as a slur" is talked about
        ('Headline\n\nThe survey found 76 percent have a "great deal" or a "fair amount" of trust in local news.',
         [("great deal", "other", None), ("fair amount", "other", None)]),
        ('Headline\n\nFew decried the overuse of "racism" as a slur.', [("racism", "mention", None)]),
        # a word of pretence or doubt before the marks makes a scare quote, a bracket between them too
        ('Headline\n\nIt disrupts a (largely illusory) "peace process" in the region.',
         [("peace process", "scare", None)]),
        ('Headline\n\nSome of the purported "evidence" includes a mural.', [("evidence", "scare", None)]),
        # a quantifier standing alone is a subject of people
        ('Headline\n\nPilate is afraid. "Do not obsess over his suffering," some say. "His teachings matter."',
         [("Do not obsess over his suffering,", "direct", "some"), ("His teachings matter.", "direct", "some")]),
        # a quotation after a colon belongs to its clause's subject, after an opening adverbial too
        ('Headline\n\nThe committee met Donald Trump. "We recognize that," Mr. Manafort said.\n\nBut at a rally in New '
         'York this month, Mr. Trump was bluntly personal about the meeting: "The RNC should be ashamed of themselves."',
         [("We recognize that,", "direct", "Mr. Manafort"),
          ("The RNC should be ashamed of themselves.", "direct", "Mr. Trump")]),
        # a cue inside a quotation is part of the quoted words, not its attribution
        ('Headline\n\n"Nobody should go through this," Ann Vale said. "According to Carrie, it was hard. We both '
         'cried."', [("Nobody should go through this,", "direct", "Ann Vale"),
                     ("According to Carrie, it was hard. We both cried.", "direct", "Ann Vale")]),
        # a name under an article and describing words frames the quotation before a past-tense verb
        ('Headline\n\n"France is no longer France," Trump claimed. "France will always be France," an angry '
         'Hollande retaliated.', [("France is no longer France,", "direct", "Trump"),
                                  ("France will always be France,", "direct", "Hollande")]),
    ],
)
def test_kinds_and_speakers(text, expected):
    assert quotes(text) == expected


def test_state_media_convention_single_marks_are_scare_quotes():
    text = ('"Our cooperation with the government in Damascus will grow every year," the minister said. He described '
            '\u2018Israel\u2019 as a "powerful partner" of the US.')
    kinds = {t: k for t, k, _ in quotes(text)}
    assert kinds["Israel"] == "scare" and kinds["powerful partner"] == "partial"


def test_continuation_paragraph_keeps_the_speaker():
    text = '"First part of it," Jane Roe said.\n\n"And the second paragraph is also hers."'
    assert [s for _, _, s in quotes(text)] == ["Jane Roe", "Jane Roe"]


def test_coordinated_partials_share_the_speaker():
    text = 'Senator Tom Ray called the remarks "unacceptable" and "inaccurate."'
    assert quotes(text) == [("unacceptable", "partial", "Tom Ray"), ("inaccurate.", "partial", "Tom Ray")]


def test_headline_words_echoed_in_the_body_are_partial():
    text = ("Clinton Calls Violence \u2018Genocide\u2019\n\nHillary Clinton said on Tuesday the attacks were "
            "\u201cgenocide\u201d against the Yazidis.")
    kind, speaker = quotes(text)[0][1:]
    assert kind == "partial" and speaker.endswith("Clinton")


def test_a_pronoun_prefers_the_previous_sentences_subject_to_an_earlier_speaker():
    text = ('Roy Beck said the plan was fine. "It works," he said.\n\nBut Senator Jeff Sessions seemed puzzled by it. '
            '"Did he say soften?" he asked reporters.\n\nGovernor Ann Lee spoke next. Critics were quiet. The governor '
            'acknowledged that shops were "not waiting on anyone." She warned of "grave consequences," noting the risks.')
    assert [q[2] for q in quotes(text)] == ["Roy Beck", "Jeff Sessions", "Ann Lee", "Ann Lee"]


def test_an_exclamation_or_question_opening_with_a_capital_is_not_a_title():
    # an utterance, not a name ("chants of 'Lock her up!'"); the guidelines make a chant direct speech, which the
    # engine does not read without a speaker (docs/quotations.md), so only "not a title" is asserted here
    for text in ('Headline\n\nThe crowd broke into chants of "Lock her up!" at the hall.',
                 'Headline\n\nThey kept asking "Where is it?" all day.'):
        assert [q.kind for q in framing.analyse(text).of_type("quote")] != ["title"]


@pytest.mark.parametrize("channel", ["according to Reuters", "according to a White House pool report"])
def test_the_outlet_that_carried_a_speakers_words_takes_no_turn(channel):
    # "Geng told a briefing, according to Reuters. '...'": the next quotation goes on with Geng, not the outlet
    text = f'"China can build the weapons," Geng Yansheng told a news briefing, {channel}. "Its new jets show this."'
    assert [s for _, _, s in quotes(text)] == ["Geng Yansheng", "Geng Yansheng"]


def test_an_outlet_cited_alone_still_takes_the_turn():
    text = 'The talks failed on Monday, according to Reuters. "Nobody wanted a deal."'
    assert quotes(text)[-1][2] == "Reuters"


def test_a_name_quoted_again_stays_a_name():
    # a second mention in the article's other quotation mark would otherwise read as the writer's distancing
    text = ('"We saw attacks," the officials said.\n\nThe report alleges the group APT29 or \u2018Cozy Bear\u2019 was '
            'responsible. \u2018Cozy Bear\u2019 is reportedly the same hacking group.')
    kinds = [(t, k) for t, k, _ in quotes(text)]
    assert kinds[1][1] in ("name", "title") and kinds[2] == ("Cozy Bear", kinds[1][1])


@pytest.mark.parametrize("text, kind", [
    ('The transcript is below, click "expand" to read.', "other"),
    ('To read on, click on \u201cAccept.\u201d', "other"),
    ('Critics said the plan would "hit" families hardest.', "partial"),
    ('Warren said Biden would tap "a real fighter" as his running mate.', "partial"),
])
def test_a_button_to_click_is_a_ui_label(text, kind):
    assert quotes(text)[0][1] == kind


@pytest.mark.parametrize("text", [
    'Among its users, searches for \u201cMother\u2019s Day at home\u201d have jumped, the company said.',
    'A law would mandate preferred pronouns (like "ze" or "xir"), critics said.',
    'The search for \u201cTrump\u201d was skewed the least.',
])
def test_a_search_term_or_a_pronoun_is_a_mention(text):
    assert quotes(text)[0][1] == "mention"


@pytest.mark.parametrize("text", [
    'Rescuers will continue the search "for as long as it takes," the fire chief said.',
    'The family\'s search "has been a nightmare," their lawyer said.',
])
def test_a_search_that_is_no_query_leaves_the_quotation_to_its_speaker(text):
    assert quotes(text)[0][1] in ("partial", "direct") and quotes(text)[0][2]


def test_a_focusing_adverb_after_an_opening_adverbial_is_no_part_of_the_subject():
    text = 'On Capitol Hill, even Republican lawmakers have shifted in their seats, calling the firing \u201cdisturbing.\u201d'
    assert quotes(text) == [("disturbing.", "partial", "Republican lawmakers")]



def test_words_a_reporting_verb_gives_to_someone_stay_theirs_though_quoted_before_as_a_name():
    text = ('Her group, dubbed "the Squad," met on Monday. Trump called them "radical" and "the Squad."')
    assert quotes(text)[-1] == ("the Squad.", "partial", "Trump")


@pytest.mark.parametrize("text, kind", [
    ('Mueller was hired in 2017. \u201cThe Russian scandal\u201d is recognized now to be a dry hole.', "scare"),
    ('Sales slowed in May. The "new normal" has become a habit for shoppers.', "scare"),
    # with a speaker the quotation stays theirs
    ('Smith said the "new normal" is here to stay.', "partial"),
    # not the subject's opening noun phrase: a longer subject, a name's words, a chant, a title
    ('Even those who once backed "the grand bargain" have now walked away.', "partial"),
    ('Obama\'s "red line" was crossed in 2013.', "partial"),
    ('Protesters gathered outside the court. "Lock her up" was chanted for an hour.', "partial"),
    ('"Game of Thrones" was the most watched show of the year.', "partial"),
])
def test_a_quoted_phrase_as_the_subject_of_the_writers_clause_is_a_scare_quote(text, kind):
    assert quotes(text)[0][1] == kind


@pytest.mark.parametrize("text, kind", [
    ('Things that make you go "hmm."', "other"),
    ('And then, "whoosh," the market fell.', "other"),
    ('"Wow," she said.', "direct"),
    ('The oil "boom" has brought jobs to the state.', "scare"),  # "boom" and "bang" are nouns too
])
def test_a_sound_nobody_utters_is_other(text, kind):
    assert quotes(text)[0][1] == kind


@pytest.mark.parametrize("text", [
    'Sanders made fun of his own pronunciation of "huge" as a joke.',
    'The company does not allow language that refers to discouraged activities, such as \u201cparty wear.\u201d',
    'Voters in Nevada may choose "none of these candidates" on the ballot.',
    "The banned words include 'diversity', 'transgender' and 'fetus' in budget papers.",
])
def test_metalinguistic_frames_and_ballot_options_are_not_speech(text):
    assert quotes(text)[0][1] in ("mention", "other")


@pytest.mark.parametrize("text", [
    'Inflation is at 9 percent, which means "real pain" for families, the economist warned.',
    'Spanish-language networks such as "Univision" have expanded, a study said.',
    'The wording of the bill, like "the earlier draft," remains vague, critics said.',
    'The terms of the deal include "a full ceasefire," the minister said.',
])
def test_a_consequence_a_compound_or_a_comparison_is_no_metalinguistic_frame(text):
    assert quotes(text)[0][1] != "mention"



def test_a_long_capitalised_title_stays_with_the_name():
    text = 'Former House Speaker Newt Gingrich worries the administration might "lose their nerve" soon.'
    assert quotes(text)[0][2] == "Former House Speaker Newt Gingrich"


def test_a_gloss_of_what_a_word_means_is_a_mention():
    text = 'The group, Porta dos Fundos, \u201cwhich literally means \u2018back door,\u2019\u201d has five members, he said.'
    assert ("back door,", "mention") in [(t, k) for t, k, _ in quotes(text)]


def test_a_month_with_its_day_is_a_date_not_a_speaker():
    text = 'On Saturday, April 9, the state held an \u201celection\u201d without voters.'
    assert quotes(text)[0][2] is None


def test_words_set_off_by_the_writer_stay_the_writers_when_they_come_again():
    text = ('Sign-ups slow at the start\n\nSo far, nearly 18,000 people have "enrolled" in the new plans.\n\n'
            'Smith, the agency\'s director, praised the site. Yet few who "enrolled" have paid.\n\n'
            'Jones told reporters that most who had "enrolled" would pay.')
    assert [k for _, k, _ in quotes(text)] == ["scare", "scare", "partial"]  # (a reporting verb keeps the third)


@pytest.mark.parametrize("text", [
    'The return of prisoners the U.S. has called \u201chostages\u201d clears an obstacle to talks.',
    'In late April, the White House attacked the broadcaster as Chinese \u201cpropaganda.\u201d',
])
def test_a_label_someone_gives_is_their_word(text):
    assert quotes(text)[0][1] == "partial"


@pytest.mark.parametrize("dateline", ["MIAMI \u2014 ", "WASHINGTON, Dec. 8 (UPI) \u2014 ", "NEW YORK (Reuters) - "])
def test_a_dateline_is_no_speaker(dateline):
    text = f'Debate recap\n\n{dateline}Senator Ada Lind attacked the plan on Wednesday as "a giveaway."'
    assert quotes(text)[0][2] == "Ada Lind"


def test_a_paragraph_introduced_by_a_colon_is_the_person_after_the_role():
    text = ('Two views.\n\nBoston Globe columnist Jeff Jacoby makes the case for the right:\n\n'
            '\u201cThere is not one Democrat who would think of disparaging him.\u201d')
    assert quotes(text)[0][2] == "Jeff Jacoby"


@pytest.mark.parametrize("text, speaker", [
    # a signature naming a kind of piece and its publication: the publication's piece speaks
    ('The vote was close.\n\n"Congress must act now in the national interest." \u2014 editorial, Los Angeles Times\n\n'
     "More.", "Los Angeles Times editorial"),
    ('The vote was close.\n\n"Congress must act now in the national interest." \u2014 Editorial, St. Louis '
     "Post-Dispatch\n\nMore.", "St. Louis Post-Dispatch editorial"),
    # a role of two words between modifiers and the name: the person speaks, not the modifier
    ('White House budget director Mick Mulvaney was blunt on Monday. "Is this dead on arrival? The answer is '
     'absolutely not."', "Mick Mulvaney"),
])
def test_signed_pieces_and_two_word_roles(text, speaker):
    assert [q.speaker for q in framing.analyse(text).of_type("quote")] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a verb before a role is no modifier of it, and a signature's publication is capitalised
    ('Warren attacked billionaire Michael Bloomberg at the debate:\n"He called women fat broads."', None),
    ('"It is over." \u2014 editorial, published Tuesday\n\nMore.', None),
])
def test_what_the_role_and_signature_rules_leave_alone(text, speaker):
    assert [q.speaker for q in framing.analyse(text).of_type("quote")] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # a pronoun alone in marks is the word itself, and so is a word set against its meaning
    ("She said: \u201cIf you call me \u2018him\u2019 or \u2018her\u2019 it doesn\u2019t matter to me.\u201d",
     ["direct", "mention", "mention"]),
    ("Headline\n\nBut 'safer' doesn't mean 'risk-free.'", ["mention", "mention"]),
    # a doubt marker before a name doubts the whole name, its modifiers included
    ("Sen. Ann Lee attacked the misnamed Republican \u201cleadership.\u201d", ["scare"]),
    ('Sen. Ann Lee attacked the so-called Republican "leadership" on Monday.', ["scare"]),
    ('Officials praised the so-called "reform" again.', ["scare"]),
    # "writing" after "this" is the writer's text, no cue: nobody is said to call the child a patient
    ("Alfie is, as of this writing, a \u201cpatient\u201d of the hospital.", ["scare"]),
    # the writer's own "we" with a verb that judges its object: the quoted object is the writer's word
    ('We should condemn his vaunted "toughness" on trade.', ["scare"]),
    # one word after the writer's determiner, in a paragraph reporting someone else, with no cue in its sentence
    ('"Change is coming," Ann Lee said. Then the "rules" were changed again.', ["direct", "scare"]),
    # a capital alone says name or title: the words' earlier frame decides which
    ('Young migrants, known as "Dreamers," were shielded.\n\n"We will act," Ann Lee said. The deal gave the '
     '"Dreamers" a path.', ["name", "direct", "name"]),
])
def test_the_twenty_seventh_sessions_kinds(text, expected):
    assert [k for _, k, _ in quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a consequence is no gloss, and a verb of saying or writing still reports the writer's own words
    ('The deal means "real pain" for families, Ann Lee said.', [("real pain", "partial", "Ann Lee")]),
    ("I contended that the claim bore \u201call the hallmarks of a set-up.\u201d",
     [("all the hallmarks of a set-up.", "partial", None)]),
    # a clause the writer says is the writer's speech, whatever the verb
    ('I asked, "How is work?"', [("How is work?", "direct", None)]),
    # "this" and an -ing form with reported content after it is the verb ("disputed this saying that ...")
    ('Critics disputed this saying that the window was "up" all along.', [("up", "partial", "Critics")]),
    # a possessive is no determiner of the writer's: the paragraph's speaker may own the word
    ('"Change is coming," Ann Lee said. Her "plan" is ready.', [("Change is coming,", "direct", "Ann Lee"),
                                                                 ("plan", "partial", "Ann Lee")]),
])
def test_what_the_twenty_seventh_sessions_rules_leave_alone(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the review's cases: a pronoun is a mention only after a verb of calling or choosing words
    ('Headline\n\n"Who did this?" I asked. "Him," she said.', [("Who did this?", "direct", None),
                                                                ("Him,", "direct", None)]),
    ('Headline\n\nSpike Jonze won an Oscar for the film "Her" in 2014.', [("Her", "title", None)]),
    ('Headline\n\nThe form lets applicants pick "he," "she" or "they."', [("he,", "mention", None),
                                                                          ("she", "mention", None),
                                                                          ("they.", "mention", None)]),
    # "means" after a determiner is about the thing, not the word
    ('Headline\n\nLee said the "pause" does not mean the end of talks.', [("pause", "partial", "Lee")]),
    # a doubt marker with a verb between does not reach the quotation
    ('Headline\n\nThe self-styled prophet said "the end is near" on Sunday.',
     [("the end is near", "direct", "The self-styled prophet")]),
    # the writer's judging verb does not reach into a clause of its object, nor into a labelled answer
    ('Headline\n\nI dismissed his claim that the drug was "safe."', [("safe.", "partial", None)]),
    # punctuation between the determiner and the word, or someone's view given, keeps the paragraph's speaker
    ('Headline\n\nAnn Lee said the plan had failed. It was, in her view, a "fiasco."', [("fiasco.", "partial",
                                                                                        "Ann Lee")]),
    ('Headline\n\nAnn Lee said the plan had failed. Her verdict on the deal \u2014 "dead."', [("dead.", "partial",
                                                                                             "Ann Lee")]),
])
def test_what_the_twenty_seventh_sessions_review_found(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, kind", [
    # the second review's cases: a pronoun written, added or listed as a pronoun is the word itself
    ('Headline\n\nShe wrote "they" on the form.', "mention"),
    ('Headline\n\nHer pronouns are "she" and "her," the school said.', "mention"),
    ('Headline\n\nMerriam-Webster added "they" to the dictionary last year.', "mention"),
    # a populist "them" is someone's word, not a mention
    ('Headline\n\nThe senator blamed "them" for the crisis.', "partial"),
])
def test_pronouns_written_or_listed_are_mentions(text, kind):
    assert quotes(text)[0][1] == kind


@pytest.mark.parametrize("text, kind", [
    # a work noun before a quotation in lower case that opens with an adjective, an adverb or a finite verb, or that
    # asks a question, is something said of the thing, not its name
    ('Ruiz called the meeting during the campaign "treasonous" and "unpatriotic."', "partial"),
    ('She opposed the bill because it included a worker program "akin to servitude."', "partial"),
    ('Lind asked on her show, "But what is fair?" She went on.', "direct"),
    # a frame that names a title keeps it whatever its words; a title-cased quotation is a title
    ('In an essay titled "Free Speech, but not for Everyone" she argued the opposite.', "title"),
    ('They chanted the slogan "build the wall" at the rally.', "title"),
    ('He wrote the song "Born in the Valley" in 1984.', "title"),
])
def test_a_predicate_after_a_work_noun_is_no_title(text, kind):
    assert [q.kind for q in framing.analyse(text).of_type("quote")][:1] == [kind]


@pytest.mark.parametrize("text, kind", [
    # a noun such as "law" or "plan" ending a quotation names a thing only as the head of a compound; after a
    # determiner it is a noun phrase of its own, in someone's words
    ('Most voters want Congress to "just repeal the law" this year.', "partial"),
    ('He closed the speech on "so this is our strategy." It echoed an earlier one.', "other"),
    # compounds and imperatives stay names
    ('The state passed its "right to work law" in 2012.', "title"),
    ('The "stand your ground law" was cited.', "title"),
])
def test_a_noun_phrase_after_a_determiner_names_no_law(text, kind):
    assert [q.kind for q in framing.analyse(text).of_type("quote")][:1] == [kind]


@pytest.mark.parametrize("text, kind", [
    # the third review's cases: a title written with a capital stays a title whatever its first word
    ('The think tank released the report "Unequal and unfair" on Monday.', "title"),
    ('Box-office data show the film "Frozen" sold well.', "title"),
    ('He hosts the podcast "Can he do that?" every week.', "title"),
    # a quotation modifying the noun after it is a name; a slogan opens with a verb or a noun
    ('Activists launched a "scrap the deal" petition on Friday.', "title"),
    ('They started a "repeal the act" petition.', "title"),
])
def test_what_the_predicate_rules_leave_alone(text, kind):
    assert [q.kind for q in framing.analyse(text).of_type("quote")][:1] == [kind]


@pytest.mark.parametrize("text, kind, speaker", [
    # a nickname after "nicknamed"/"dubbed" and its object is a name when written as one; a description is the
    # labeller's words (2026-12-07 trial and review)
    ('Online, fans have nicknamed the director "the Queen of Quiet".', "name", None),
    ('Critics dubbed him "the Butcher of Baghdad".', "name", None),
    ('Critics dubbed the plan "a tax on commuters".', "partial", "Critics"),
    # a speaker found through a colon is the name without its title
    ('Professor Anna Cole was blunt: "This is a failure of planning. Nobody listened to us."', "direct",
     "Anna Cole"),
])
def test_nicknames_and_titles_of_speakers(text, kind, speaker):
    [q] = framing.analyse(text).of_type("quote")
    assert (q.kind, q.speaker) == (kind, speaker)


@pytest.mark.parametrize("text, kind", [
    # a naming verb and a capitalised quotation name someone or something
    ('Fans greeted Alvarez, whom they call "the Magician," at the airport.', "name"),
    ('Locals refer to the checkpoint simply as "the Gate."', "name"),
    ('The senator\'s allies, a group calling itself "Citizens for Sound Money," spent $2 million.', "name"),
])
def test_a_name_given_by_a_naming_verb(text, kind):
    assert [q.kind for q in framing.analyse(text).of_type("quote")] == [kind]


def test_a_description_after_a_naming_verb_is_no_name():
    # (a description in lower case is the caller's wording)
    (q,) = framing.analyse('The tax, which critics call "a cash grab," passed.').of_type("quote")
    assert (q.kind, q.speaker) != ("name", None) and q.speaker == "critics"


def test_a_quotation_that_ends_its_sentence_is_not_coordinated_with_the_next():
    # `"painful." "We regret it,"`: the second opens a new sentence of speech, not a list with the first
    report = framing.analyse('General Motors said the cuts were "painful." "We regret it," General Motors said.')
    assert [q.kind for q in report.of_type("quote")] == ["partial", "direct"]


def test_a_sentence_opening_with_its_reporting_verb_has_no_speaker_called_said():
    (q,) = framing.analyse('Markets fell. Said one trader: "Nobody knows where the bottom is."').of_type("quote")
    assert q.speaker != "Said"


def test_a_headline_label_before_a_colon_is_no_speaker():
    # (a user's trial: "Review" spoke the film's title, and every later mention of it)
    text = 'Review: "The Quiet Harbour" is a slow, brutal triumph\n\n"The Quiet Harbour" runs nearly three hours.'
    assert {q.speaker for q in framing.analyse(text).of_type("quote")} == {None}
