"""Reading rejection feedback for the concerns it raises, the way a careful person reads it.

Feedback mixes praise and concern ("your experience was impressive, but the answers were
hard to follow"), hedges ("could have been more structured"), and often names no area at
all ("you talked over me" is communication, "every example was a solo project" teamwork).
It is read clause by clause:

1. Boilerplate that raises nothing ("we have decided to move forward with candidates whose
   experience more closely matches") is taken out.
2. The text is cut into clauses at sentence ends and at turns ("but", "however",
   "unfortunately", "the concern was").
3. Each clause is a concern (a negation, a hedge, a comparison with the person chosen:
   "not enough", "could have", "we went with someone who"), praise ("impressive",
   "strong", "great"), or neither.
4. The topics of a concern, or of a clause that is neither, name its areas; the topics
   of praise name none. A general word ("experience", "background") names its area only
   when nothing more specific in the clause does ("hands-on experience with Spark" is a
   technical gap, not one of experience).

Every area found keeps the words that led to it, so ``feedback report`` can show them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_NO_CONCERN = re.compile(
    r"[^.;]*\b(candidates?|applicants?|individuals?|others?|someone|profiles?)\b[^.;]{0,60}\b(whose|who|that|"
    r"with)\b"
    r"[^.;]{0,80}\b(more closely|closely|better|best|most closely)\s+(match|matches|matched|align|aligns|aligned|"
    r"fit|fits|suit|suits|meet|meets)\w*[^.;]*"
    r"|[^.;]*\b(internal (candidate|applicant|hire|move|transfer)|promot(ed|e) (from )?within|"
    r"(role|position|req\w*|vacancy|opening|hiring) (has been|was|is|have been)? ?(put )?(on hold|"
    r"frozen|cancel+ed|closed|filled|paused|withdrawn|eliminated)|hiring freeze|budget (freeze|cuts?)|"
    r"salary (expectations?|requirements?|range)|compensation (expectations?|requirements?)|"
    r"(above|outside|beyond) (our|the) (budget|range|band)|relocat\w*|sponsor\w*|visa|work (permit|"
    r"authori[sz]ation)|"
    r"commut\w*|notice period|start date|availability|the location|backfill\w*|not to (fill|recruit|hire|"
    r"proceed with "
    r"(the|this) (role|position|vacancy))|cover a move|a move from|most of the week|(be|being|based) (based )?in "
    r"(?-i:[A-Z])\w+|on-?site (most|every|\d)|in the office (most|every|\d)|(gone|went|going|go) (another|"
    r"a different) "
    r"(way|direction|route)|headcount|funding|thank(s| you) for (your )?(interest|applying|application|time)|"
    r"(keep|kept|hold) (your|the) (cv|resume|résumé|details|application) on file|future (openings|"
    r"opportunities|roles|vacancies)|"
    r"(a )?closer (match|fit)|better (match|aligned|suited)|\w+ (wasn't|was not|isn't|is not|weren't|"
    r"were not) (the|an|a) "
    r"(issue|problem|concern)|comp (expectations?|band|range|ask)|not a fit - comp|base salary|wants? \d+k|"
    r"\d+k base|band tops out|day rate|rate expectations|"
    r"appoint\w* internally|hired internally|referral|(role|post|position|vacancy)('s| is| has| was|"
    r" has been)? (now )?"
    r"(closed|filled|gone)|no longer exists|not be going ahead|(does not|doesn't|did not|didn't) reflect on|"
    r"nothing to do with (you|your)|accepted (an|the|our) offer|made an offer|clearance|residency|eligib\w*|"
    r"unable to (appoint|offer|progress|proceed|fund)|not (been )?renewed|grant (was|has|ended|funding)|"
    r"cancel+ed|volume of "
    r"(strong |high-quality )?applications|sorry to be writing)\b[^.;]*"
    r"|\b(this |it )?(isn't|is not|wasn't|was not) (about|because of|down to|due to) [^,.;]*|\bwhich was fine\b"
    r"|\b(this |it )?(isn't|is not|wasn't|was not) (a|an|the) (\w+ )?(issue|problem|concern)\b"
    r"|\b(it's|it is|this is|that's) not (about )?(you|personal)\b[^.;]*"
    r"|[^.;]*\b(positions|roles|posts|vacancies|places|openings) (have been|were|are) (put )?(on hold|frozen|"
    r"cancel+ed|withdrawn|filled)\b[^.;]*"
    r"|[^.;]*\b(funding|budget|grant|contract|approval)s? (didn't|did not|hasn't|has not|haven't|have not) "
    r"(come|came) through\b[^.;]*"
    r"|[^.;]*\bonly (taking|hiring|recruiting|have|had|got) (on )?(the )?(one|a single|\d+|two|three|four|five)\b"
    r"[^.;]*"
    r"|[^.;]*\b(already )?promised to\b[^.;]*"
    r"|[^.;]*\bcould start (sooner|earlier|straight away|immediately|right away|next \w+|in \w+ \w+)\b[^.;]*"
    r"|[^.;]*\b(automated (message|email|response|reply)|please do not reply|no longer (being )?considered|"
    r"no longer (recruiting|hiring|filling|advertising|available|required|needed))\b[^.;]*"
    r"|[^.;]*\b(a|one|the one|only one) single (vacancy|post|position|place|role|opening)\b[^.;]*"
    r"|[^.;]*\bsingle (vacancy|post|position|opening)\b[^.;]*"
    r"|[^.;]*\b\d+ (applications|applicants|candidates) for (\d+|one|two|three|a few|only \w+)\b[^.;]*"
    r"|[^.;]*\b(not|unable) (be )?(able|in a position) to offer you (a|the) (place|post|position|role)\b[^.;]*"
    r"|[^.;]*\bnot able to offer you\b[^.;]*"
    r"|[^.;]*\b(decided|decision|chosen|chose) (not to|to not) (move|proceed|progress|go|take)\b[^.;]*"
    r"|[^.;]*\bnot (to )?(be )?(moving|move|going) forward with (your|the|this)\b[^.;]*"
    r"|\bno (real )?concerns? (about|with|over|regarding|around) [^,.;]*|\botherwise (we|I) would have[^.;]*", re.I)
"""What raises no concern about the person: boilerplate, pay, place, visas, a role on hold, an internal hire."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*|\s+[-\u2013\u2014]\s+|(?<=:)\s+(?=[A-Z])")
_TURN = re.compile(
    r"(?:^|,?\s+)\b(?:but|however|although|though|whereas|(?<!not )(?<!n't )yet(?! to\b)|unfortunately|sadly|"
    r"that said|except|"
    r"where (?:it|things|you) (?:fell|came up|were) (?:down|short)|where we landed)\b\s*,?|"
    r"\b(?:the|our|my|one|a|main|biggest|only) (?:concern|gap|issue|problem|worry|hesitation|sticking point|"
    r"reservation|question mark|area for development|thing that held us back)s? (?:was|were|is|are|being)\b|"
    r"\bwhat held (?:us|them|me|it) back\b|\bconcerns?:|\bgaps?:|\bareas? (?:for|of|to) (?:development|improvement|"
    r"improve):?|\bweakness(?:es)?:|\bcons?:", re.I)
"""Where feedback turns from one thing to another: "..., but", "the concern was"."""

_CONCERN = re.compile(r"\b(" + (
    r"not|no|never|nothing|none|neither|nor|without|lack\w*|missing|absent|limited|little|few|fewer|less|"
    r"insufficient|inadequate|weak\w*|poor\w*|light|thin|short|shallow|surface\w*|vague|generic|basic|"
    r"gaps?|concern\w*|worr\w*|struggl\w*|hesita\w*|unsure|unconvinced|unclear|unable|unfamiliar|unprepared|"
    r"\w+n't|cannot|hard to|difficult to|harder|tough|challeng\w* (for|with) you|"
    r"could have|could be (more|better|stronger|clearer|sharper)|could do (more|better|with)|might have|"
    r"should have|would have|would('ve)? (liked|like|preferred|wanted)|'d have (liked|wanted|preferred|hoped|"
    r"expected)|'d (like|prefer|want|hoped|expected)|"
    r"wanted (to see|more|someone)|hoped (to see|for)|we'?d hoped|expected more|"
    r"needs? (to|more|someone|a)|needed (more|someone|to)|require[sd]? (someone|more)|"
    r"(looking|look|looked) for (someone|a candidate|more|a stronger|deeper)|"
    r"(gone|went|going|go|moved?|moving|proceed\w*|decided|chose|chosen|offered|selected|hired) "
    r"(forward )?(with|on with) (someone|a candidate|another|the candidate|an applicant|a person|people)|"
    r"(someone|candidates?|people|applicants?) (who|with|that) (has|had|have|brings?|showed|was)|"
    r"more (senior|experienced|depth|hands-on|exposure|time|years|structured|concise|specific|examples)|"
    r"stronger (candidates?|applicants?|fit|match)|"
    r"too|overly|a (bit|little) (much|light|long|short|vague)|rather than|instead of|"
    r"tended to|tend to|tends to|jump\w*|rush\w*|rambl\w*|wander\w*|brushed|deferred|defer|guarded|harsh|"
    r"friction|dismissive|defensive|stepping up|stretch|too big|big jump|ramp[- ]?up|fell short|falls short|"
    r"below|under the bar|not at the level|sticking point|held (us|them) back|the jump|only|solely|mostly|"
    r"a pass|no hire|reject\w*|lost (us|me|them|the)|dense|over ?talk\w*|interrupt\w*|talked over|cut across|"
    r"not yet|yet to|not ready|readiness|unsuited|mismatch|misaligned|away from|far from|missed|didn|wasn|"
    r"weren|hasn|haven|hadn|"
    r"rough|over (his|her|their|my) head|wanted someone|came down to|behind|slow\w*|errors?|mistakes?|off task|"
    r"squeezed|ran out of time|kept (asking|going|interrupting|returning|coming back)|doubts?|not sure|"
    r"less sure|uncertain\w*|risk\w*|(the|an|one|main|real|big) (issue|problem)s?( was| is| with)?|narrow|"
    r"mainly|rarely|seldom|tricky|yet to|would need|expect(ed)? more|more (examples|evidence|depth|detail|exposure|"
    r"structure|clarity|rigour|rigor|focus)|unconvincing|underwhelm\w*|disappoint\w*|forgot|overran|ran over|"
    r"drifted|superficial|patchy|inconsistent|uneven|questions? (about|over|around)|stalled|stuck|awkward|"
    r"flat|muddled|unfocused|scattered|nervous|hesitant|uncomfortable|reluctan\w*|resist\w*|blam\w*|"
    r"defend\w*|argu\w*|dismiss\w*|vague|gaps|shortfall|lacking|needed|require[sd]|prefer(red)? someone|solo|"
    r"alone|on (your|his|her|their) own|"
    r"by (yourself|himself|herself|themselves)|"
    r"clash\w*|fell out|lone wolf|mumbl\w*|trail\w* off|bored|rude|arrogant|late|unaware|spelling|typos?|"
    r"keep (yourself|himself|herself|themselves) to|kept (yourself|himself|herself|themselves) to|"
    r"needs? (work|practice|improvement|developing)|rusty|out of date|outdated|"
    r"ran long|lost (her|him|them|us|me|the room)|froze|was off|were off|felt off|overcooked|undercooked|burnt|"
    r"oversold|"
    r"(would|'d) rather not|not there yet|it's not there|deal-?breaker|more interested in|just a job|"
    r"(didn't|did not|never) (turn|show) up|no-show|scored \d+ ?(/|out of) ?\d+|heavy on|guess(ed|ing|work)?|"
    r"(successful|chosen|other|appointed) (candidate|applicant|person)s? (had|has|was|were|brought|showed)|"
    r"stronger track record|(very|too|quite|rather) quiet|(one|two)-word answers|went on (for|too long)|"
    r"late (to|for)|lukewarm|half-hearted|only applied|we need (full|more|a|an)|none of us could|"
    r"(were |was )?hoping (for|to see|to hear)|looking for (someone|candidates?|a candidate|applicants?|people|more) "
    r"(with|who|that)|(another|the other|other|shortlisted|a) candidates? (demonstrated|showed|had|has|with)|"
    r"appointed (a|another) (candidate|applicant)|overqualified|textbook|at random|not that bothered|bored|"
    r"below (expectations|target|bar|the pass mark|pass mark)"
) + r")\b", re.I)
"""What makes a clause a concern: negation, hedging, a wish, a comparison with whoever was chosen."""

_PRAISE = re.compile(r"\b(" + (
    r"impress\w*|strong(ly)?|strengths?|great|excellent|outstanding|fantastic|brilliant|superb|exceptional|"
    r"loved|enjoyed|liked|appreciated|admired|solid|sharp|well[- ]\w+|easy to (follow|talk|work)|obvious(ly)?|"
    r"clearly|it'?s clear|was clear|positive|good|passionate|keen|enthusias\w*|exactly|best|valuable|amazing|"
    r"terrific|stood out|"
    r"standout|commend\w*|praised|confident|calm\w*|articulate|thoughtful|polished|compelling|wonderful|"
    r"lovely|pleasure|real asset|top|high|4/5|5/5|exceeded|thrilled|glowing|fan of|credit to|shone|shine|"
    r"natural|accomplished|warm|well spoken|genuine|people person|asset|talented|capable|skilled|"
    r"clean(est)?|struck by|favourabl\w*|valued|evident|no doubt|without doubt|no question|really well|"
    r"person-centred|person-centered|insightful|persuasive|engaging|convincing|memorable"
) + r")\b", re.I)
"""What makes a clause praise."""

STRONG, GENERAL = "strong", "general"
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "leadership": (
        (STRONG, r"lead\w*|led|leader\w*|manag(e|ed|ing) (people|a team|teams|staff|others|direct|anyone|"
                 r"four|three|two|five|six|a group|\d+)|people manage\w*|line management|direct reports?|"
                 r"(staff|people|anyone|team) report\w* (in|to you)|reporting (in|line)|responsible for (anyone|"
                 r"others|people|a team|staff|anyone else)|in charge|ownership|own(ed|ing)? (the|a|outcomes?|"
                 r"decisions?|roadmap|results?)|set(ting)? (the )?direction|driv(e|ing)|drove|delegat\w*|"
                 r"mentor\w*|coach\w*|supervis\w*|(run|ran|running) (a|the) (team|group|department|function|"
                 r"engagement|shift|unit|store|branch|office)|held a budget|hold(ing)? a budget|"
                 r"push(ed)? back|defer\w*|take (charge|the lead)|influenc\w*|initiative|accountab\w*|"
                 r"vision|strategic\w*|taking people through|grown teams|build(ing)? (a|the) team|"
                 r"managing (people|others)|managed (anyone|people|others)|manager experience|"
                 r"management experience|"
                 r"under you|line responsibilit\w*|apprais\w*|underperform\w*|low performers?|grow(n|ing)? people|"
                 r"develop(ed|ing)? (the |your )?people|oversee\w*|oversaw|(team|group)'s priorities|"
                 r"people leadership|"
                 r"performance (management|reviews?)|hire and fire|hiring decisions|"
                 r"develop(ed|ing)? (anyone|others|staff|the team|your team)|owned (any|the|a|an)|"
                 r"telling (people|others|staff) what to do|bring(ing)? (a|the|your) team with you|"
                 r"(run|ran|running) (a|the) (site team|crew|volunteers?|desk|kitchen|ward|floor|site)|"
                 r"managing (volunteers|a crew|a site|the site)|shift lead|team lead|line-?manag\w*|"
                 r"manag(e|ed|ing) (a )?(large|larger|bigger|big|small) team|make (the|a) (call|decision)s?|"
                 r"(stand|stood) (your|his|her|their) ground|decisive\w*|bring(ing)? (other )?people on|"
                 r"take responsibility|brought (other )?people on|(run|ran|running) (a|the) \w+ team|"
                 r"owned (it|them)|end to end|organi[sz]ed the work|the work of others|set the strategy"),
    ),
    "communication": (
        (STRONG, r"communicat\w*|wander\w*|rambl\w*|concise\w*|succinct\w*|(un)?structured (answers?|responses?|"
                 r"way|stories)|structure (your|the|of|in) (answers?|responses?|thinking)|lack(ed|s)? structure|"
                 r"more structure|went quiet|(keep|kept) asking|thinking (aloud|out loud)|hard to (follow|"
                 r"understand|pick)|difficult to (follow|understand)|"
                 r"lost (us|me|the panel|them)|explain\w*|explanation\w*|articulat\w*|presentation\w*|"
                 r"deck|slides|clarity|unclear|jargon|verbose|waffl\w*|talk(ed|ing)? over|over ?talk\w*|"
                 r"cut (across|in|off)|interrupt\w*|listen\w*|let (them|us|me|him|her) finish|written|writing|"
                 r"storytell\w*|too long|too technical|dense|to the point|lots of .we.|"
                 r"what you (personally )?(did|had done)|confus\w*|get across|put (things|it) across|"
                 r"came across as (vague|unclear)|eye contact|rushed through|tone|"
                 r"mumbl\w*|trail\w* off|repeat (yourself|himself|herself|themselves)|spelling|typos?|grammar|"
                 r"proofread\w*|(one|two)-word answers?|(short|brief|curt|clipped) answers|(more )?simply|"
                 r"plain (english|language)|filler words|monotone|(speak|spoke|speaking) (up|louder|quietly|"
                 r"too fast|quickly)|quiet(ly)?|audible|rambl\w*|long-winded|get to the point|"
                 r"(didn't|did not) (land|come across)|cover letter|reports? (you )?wrote|"
                 r"(answer|answered) the question|the question (we|they|I) asked|address(ed)? the question|"
                 r"lost (her|him|them|us|me|the room)|call(ed)? back|went quiet|statement of suitability|ran long|"
                 r"chatty|rapport|small talk|went on (for|too long)|(very|too|quite) quiet|none of us could say|"
                 r"answers were (very|really|quite|too|a bit) long|long answers|textbook|plain english"),
        (GENERAL, r"answers?(?! (on|about|around|regarding|to (the )?questions (on|about)))|answered|"
                  r"responses?|spoke|speaking|written|writing|presented"),
    ),
    "teamwork": (
        (STRONG, r"team ?work\w*|team player|collaborat\w*|cooperat\w*|solo|on (your|his|her|their) own|"
                 r"by (yourself|himself|herself|themselves)|alone|individual (contributor|work|basis)|"
                 r"freelanc\w*|pair(s|ing|ed)?|code reviews?|work(ing|ed)? (well )?(with|alongside) "
                 r"(others|the team|product|design|engineers|colleagues|other|people|the business|line managers|"
                 r"stakeholders|a team|peers)|side by side|alongside|partner(ing)? with|bring (others|people|"
                 r"the quieter|in)|bring others in|quieter (people|members|voices|ones)|friction|conflict\w*|"
                 r"brushed (it|them|this)? ?aside|dismiss\w*|harsh|colleagues|cross[- ]functional\w*|"
                 r"interpersonal|get(ting)? along|handle things (yourself|alone)|other departments|took over|"
                 r"steamroll\w*|credit to (the|your) team|relationships? with|peers?|disagreement\w*|"
                 r"through other (groups|teams|people)|coordinat\w* with|go(ing)? around (people|colleagues|peers)|"
                 r"shared credit|team environment|team setting|group (work|exercise)|"
                 r"lone wolf|keep(s|ing)? (yourself|himself|herself|themselves) to (yourself|himself|herself|"
                 r"themselves)|kept (yourself|himself|herself|themselves) to|muck(ed|ing)? in|pull(ed|ing)? "
                 r"(your|his|her|their) weight|clash\w*|fell out|fall(ing)? out|(mention\w*|involv\w*) (anyone|"
                 r"anybody|nobody|no one|others)|(anyone|anybody|nobody|no one|who) else|jointly|"
                 r"across (the )?teams|wider team|the rest of the team|support(ing)? (colleagues|others|the team)|"
                 r"others finish|other people's|help(ing)? (colleagues|others|out)|hand(ed|ing)? over|handovers?|"
                 r"shared (clients|work|tasks)|team (members|mates)|teammates|co-?workers|other (staff|nurses|"
                 r"stylists|teachers|drivers|agents|engineers|designers|members)|"
                 r"slot into|fit into (a|the) (\w+ )?team|(a|any) mention of|push(ed|ing)? (your|his|her|their) own|"
                 r"bring(ing)? (the )?others?|into the discussion|lean(ed|ing)? on|multidisciplinary|"
                 r"(credit|blame) (to|on) (others|the team|colleagues)|"
                 r"engage(d)? with (the|their|his|her|your|other) \w+'?s? (point|idea|view)s?|"
                 r"(prefers?|rather) (to )?work(ing)? alone|argu(ed|ing) with|ask(ed)? anyone for help|"
                 r"blam(e|ed|ing) (your|his|her|their|the) (previous |old |former )?(team|colleagues)|go it alone|"
                 r"escalat\w* (straight )?to (the|your) manager|let others take over|with others"),
    ),
    "technical": (
        (STRONG, r"technical\w*|tech (screen|round|test)|coding|code|programming|system design|architecture|"
                 r"databases?|sql|python|java|javascript|spark|airflow|kubernetes|terraform|aws|cloud|salesforce|"
                 r"excel|hands-on|skills? (gap|level|test)|networking|dns|subnets?|errors|mistakes|calculations?|"
                 r"inaccura\w*|accuracy|reconciliation|"
                 r"algorithm\w*|data structures|statistic\w*|modell?ing|take[- ]home|coding (round|test|challenge|"
                 r"exercise)|certif\w*|proficien\w*|clinical skills|medication\w*|deteriorating|"
                 r"behaviou?r management|classroom management|differentiat\w*|lesson plan\w*|craft|"
                 r"caching|scalab\w*|traffic|fundamentals|basics|deep(er)? (knowledge|"
                 r"understanding)|specialist skills|engineering|debugg\w*|testing|api|frontend|backend|"
                 r"accounting standards|gaap|ifrs|excel skills|financial model\w*|cad|figma|design skills|"
                 # a credential the job needs: a licence, a register, a card or ticket, a certification
                 r"licen[cs]e[sd]?|licensure|licensing|(?-i:[A-Z]{2,}[\w-]*) (register|registration)|"
                 r"accredit\w*|chartered|certified|(?-i:[A-Z][\w-]*) (card|ticket|certificate)|"
                 r"(?-i:[A-Z][\w-]*\+)|"
                 # tools and software by name
                 r"xero|sage|quickbooks|sap|oracle|workday|tableau|power ?bi|looker|jira|photoshop|illustrator|"
                 r"indesign|autocad|revit|solidworks|cerner|hubspot|matlab|git|linux|windows server|react|"
                 r"docker|typescript|c\+\+|c#|\.net|php|ruby|golang|kotlin|sas|spss|stata|"
                 r"vba|macros|pivot tables|vlookups?|crm|erp|ehr|emr|"
                 # hands-on and practical technique
                 r"technique\w*|practical\w*|protocols?|hands on|observations|obs|assessment "
                 r"skills|clinical (knowledge|judgement|reasoning|assessment)|dispens\w*|wiring|welding|"
                 r"diagnostics|fault[- ]finding|equipment|spreadsheets?|"
                 r"plenary|checking (of )?understanding|questioning|off task|pace of the lesson|assessment for "
                 r"learning|temperatures?|food safety|hygiene|allergens?|complexity|tests? (were|was) an|"
                 r"registration|(level \d|relevant) qualification|(?-i:[A-Z]{2,}[\w-]*) qualification|"
                 r"permit|authori[sz]ation to (drive|operate)|costing|pricing (a|the) job|estimat(e|ing) (a|the) job|"
                 r"tolerances?|seasoning|layout|typography|"
                 r"(teaching|professional|accounting|nursing|trade) qualification|part-qualified|fully qualified|"
                 r"(?-i:[A-Z]{2,5}\d{1,2})|accruals|prepayments|month-end|stock control|till|infection control|"
                 r"moving and handling|care planning|fluid balance|ppe|near misses|safety|azure|gcp|joins?|"
                 r"window functions?|version control|discovery questions|objections?"),
        (GENERAL, r"tools?|tooling|software|systems?|depth|in depth|training|test|skills?|knowledge"),
    ),
    "domain": (
        (STRONG, r"domain|industry|industries|sector|markets?|regulat\w*|complian\w*|rules|our customers|"
                 r"customer base|product knowledge|our products?|knowledge of (the|our|how)|"
                 r"familiar\w* with (how|the|our)|understanding of (the|our|how)|grasp of|"
                 r"worked (in|inside|within) (the )?\w+|ramp[- ]?up|how (our|the|they) \w+ (buy|work|run|flow)|"
                 r"buying process|space|payers?|reimbursement|nhs|clinical trials|pharma\w*|insurance|banking|"
                 r"healthcare|retail|vertical|business model|sector knowledge|landscape|ecosystem|legislation|law|"
                 r"new to you|hand-holding|client base|our clients|buying cycle|sales cycle|"
                 r"framework|statutory duties|local authority|public sector|private sector|third sector|regulated|"
                 r"regulator\w*|legal (side|requirements|context)|tax|payroll rules|competitors?|competition|"
                 r"commissioning|the context|our context|that context|clients? (we|you) (serve|work with)|"
                 r"(our|the) (customers|clients|patients|pupils|students|guests|members|users|audience)|"
                 r"how (\w+ ){0,3}is (run|funded|regulated|put together)|inspection\w*|"
                 r"ofsted|cqc|hipaa|gdpr|fca|sec rules|osha|(the|our|that) (\w+ )?(setting|environment|world|side)|"
                 r"(wasn't|was not|weren't|not) (really )?across|"
                 r"(?-i:[A-Z][\w-]* Act)|safeguarding|commercial awareness|allowances?|building regs|"
                 r"(our|the) (supporters|donors|members|residents|tenants|passengers|claimants)"),
        (GENERAL, r"our business|the business|environments?|standards"),
    ),
    "problem-solving": (
        (STRONG, r"problem[- ]solv\w*|case|scenario|root cause|hypothes\w*|clarifying questions|"
                 r"reasoning|logic\w*|judge?ment|weigh(ed|ing|s)?|trade-?offs?|options|methodical\w*|"
                 r"structured thinking|analytic\w*|analysis|drivers|break(ing)? (it|this|that|the \w+) down|"
                 r"broke (it|this|that|the \w+) down|jump(ed)? (straight )?(to|into) (a|the|building|"
                 r"conclusions?|recommendations?|solutions?)|curiosity|follow-up questions|prioriti[sz]\w*|"
                 r"hard calls|ambigu\w*|brief|working out|critical thinking|think(ing)? through|"
                 r"first explanation|thought process|troubleshoot\w*|diagnos\w*|puzzle|estimat\w*|"
                 r"went (straight )?(to|into) (a|the)|without (first )?(laying out|looking at|asking|checking|"
                 r"considering|clarifying|exploring|weighing|testing)|assumptions?|edge cases|brute[- ]force|"
                 r"revisit\w*|second-guess\w*|sense-check\w*|sanity[- ]check\w*|"
                 r"plan b|contingenc\w*|froze|pin(ned)? down|work(ed)? out (the|how|what|a)|"
                 r"angle|news[- ]judge?ment|red flags|decide whether|"
                 r"decision-making|(making|make|made) (effective|good|poor|sound|quick) decisions|big picture|"
                 r"at random|step by step|trial and error|backed up by|"
                 r"what the customer (actually )?needed"),
        (GENERAL, r"approach(ed|es)?|exercise"),
    ),
    "experience": (
        (STRONG, r"years?|seniority|more senior|too junior|junior|grade|step(ping)? up|stretch|big jump|the jump|"
                 r"ready for|track record|scale|size|more time (at|in)|(?<!no )longer|post-qualification|decades?|"
                 r"director|vp level|too early|run a p&l|p&l|enterprise|seven-figure|six-figure|bigger|larger|"
                 r"comes? close|more experienced|"
                 r"(\d+|one|two|three|four|five|six|seven|eight|ten)\+? (years?|yrs)|entry[- ]level|"
                 r"newly qualified|first (job|role|post)|post-registration|(more|enough) time (in|at|on)|"
                 r"managed managers|other leads|bigger (teams?|budgets?|accounts?)|at (our|that|this) level|"
                 r"biggest|largest|graduate level|too big a (jump|step)|side projects|never (launched|shipped)|"
                 r"shipped (an?|the)|ready to go now|at that scale|of that size|"
                 r"[\u00a3$\u20ac]\d+(\.\d+)? ?(m|bn|k|million|billion)|(\d+|two|three|four|five|six) seasons|"
                 r"only (run|ran|managed|led|worked|done|supervised)|day-to-day responsibility|"
                 r"(supervised|managed|led) (\d+|a few|two|three|four|five|six)\b|"
                 r"(director|senior|board|executive) level|(need|needs|needing|need a) (more|a lot of|a fair bit of|"
                 r"some|less) supervision|supervision (than|for)|overqualified|(run|running) (their|your|his|her) own"),
        (GENERAL, r"experience\w*|exposure|background|qualifications?|credentials|cv|resume|résumé|levels?|"
                  r"senior|(?<!no )longer|someone who has (done|run|closed|managed|worked|led)"),
    ),
    "motivation": (
        (STRONG, r"motivat\w*|why (this|the|you|us|our|we|here)|why you want\w*|interest(ed)? in (the|this|"
                 r"our|us|working)|more interested in|unprepared|prepar\w*|hadn't looked|"
                 r"(look|looked) (at|into) (our|us)|enthusias\w*|passion\w*|keen\w*|commit(ted|ment)|"
                 r"any step up|take anything|this role specifically|specifically|the questions you asked|"
                 r"holiday|leaving|sure why|reasons? for (applying|leaving|moving)|care about|drive to|"
                 r"excite\w*|genuine\w*|any (bank|company|firm|employer|school|hospital|business|role|job|agency)|"
                 r"thought about (what|why|the role|the job)|day-to-day of (this|the) (job|role)|(did|done|no|"
                 r"little|"
                 r"any|more) research|research (on|into) (us|the company|our)|"
                 r"(turn|turned|show|showed) up|briefing pack|(hadn't|had not|never) (opened|read) (it|the)|"
                 r"just a job|stability|long-term|(reason|reasons) for leaving|"
                 r"late (to|for)|punctual\w*|reliab\w*|lukewarm|half-hearted|only applied|full commitment|"
                 r"(know|knew|known) (much|anything|little|nothing) about (us|our (company|organisation|organization|"
                 r"hotel|school|firm|business|charity|brand|practice|shop|restaurant|union|mission))|"
                 r"long term|stay(ing)? (long|for long|with us)|(want|wanted|wanting) (a|this|the) (\w+ )?(job|role)|"
                 r"move into \w+|go(ing)? travell?ing|get bored|move on (quickly|soon)|not that bothered|"
                 r"who we (were|are)|unsure about the role|the role itself"),
        (GENERAL, r"energy|interest|engag\w*"),
    ),
    "culture": (
        (STRONG, r"cultur\w*|(culture|cultural|team|good|right|great|natural|poor|best|a) fit|fit with (the|our|us)|"
                 r"fitting in|fit in (here|with)|values|ways? of working|work(ing)? style|pace|fast[- ]paced|"
                 r"start-?up|scrappy|"
                 r"flat|self-directed|autonomy|autonomous|defined processes|processes|(clear|clearer|defined) "
                 r"(lanes|direction|roles)|thrive|suit (you|your)|how we (operate|work)|hats|in the open|blunt|"
                 r"async\w*|big companies|large companies|quieter setting|socials?|social events|dress code|"
                 r"close-knit|"
                 r"enjoy (it|working) here|(office|team) life|informal\w*|targets?-driven|high-volume|"
                 r"happier (somewhere|elsewhere)|direct feedback|sign-off|hierarch\w*|bureaucra\w*|"
                 r"way we work|how we do things|team dynamic|"
                 r"formal|relaxed|small (team|shop|practice|clinic|company|business|office|firm|school|charity)|"
                 r"family[- ](run|owned)|(corporate|structured|larger|bigger) (environment|setting|organi[sz]ations?|"
                 r"companies|firms)|wears? (lots of|many|several) hats|changes? by the (hour|day|week)|"
                 r"(the|our) ethos|mission[- ]driven|trauma-informed|person-centred approach|how we treat|"
                 r"how you like to work|(happier|happiest) (somewhere|elsewhere|in)|somewhere (bigger|smaller|"
                 r"larger|more structured|quieter)|process-heavy|structured (environment|setting|organi[sz]ation)|"
                 r"\bgel\b|social bunch|keep work and life separate|how we work"),
    ),
}
"""The words that name each area's topic: strong ones on their own, general ones only
when nothing more specific in the clause names another area."""


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + pattern + r")(?![\w-])", re.I)


_TOPICS = {area: [(strength, _compile(pattern)) for strength, pattern in entries] for area, entries in TOPICS.items()}


_RATING = re.compile(r"^\s*[-*\u2022]?\s*([A-Za-z][\w &/-]{2,40}?)\s*[:=-]\s*(\d{1,2})\s*/\s*(4|5|7|10)\b.*$", re.M)
"""A scorecard's rating line, its comment with it: "Technical knowledge: 2/5 - limited"."""
_INLINE_RATING = re.compile(r"([A-Za-z][\w &/-]{2,40}?)\s*[:=-]?\s*\b(\d{1,2})\s*/\s*(4|5|7|10)\b")
"""Ratings side by side: "Communicating & Influencing 5/7, Making Effective Decisions 3/7"."""


_WORD_RATING = re.compile(
    r"^\s*[-*+\u2022]?\s*([A-Za-z][\w &/,'-]{2,40}?)\s*[:=\u2013\u2014-]\s*(strong|good|very good|excellent|"
    r"outstanding|solid|meets( expectations)?|exceeds( expectations)?|weak|poor|below( the)? (bar|expectations)|"
    r"needs (work|improvement|development)|does not meet( expectations)?|not met|limited|basic|developing|mixed|"
    r"average|adequate|ok|okay|fair)\b.*$", re.M | re.I)
"""A scorecard's rating in words: "Product/market knowledge: Weak - could not name a competitor"."""
_WORD_SCORES = (("weak", 2), ("poor", 1), ("below", 2), ("needs", 2), ("does not", 2), ("not met", 2),
                ("limited", 2), ("basic", 2), ("developing", 3), ("mixed", 3), ("average", 3), ("adequate", 3),
                ("ok", 3), ("fair", 3))


def _rated_area(label: str, areas: list[str]) -> str | None:
    """The area a scorecard's line rates: named ("Communication: 2/5"), or said in its
    topic's words ("Product/market knowledge" is domain, "Stakeholder collaboration" teamwork)."""
    for area in areas:
        if area in label or area.replace("-", " ") in label or (area == "culture" and "fit" in label):
            return area
    for area, entries in _TOPICS.items():
        if area in areas and any(strength == STRONG and pattern.search(label) for strength, pattern in entries):
            return area
    return None


def ratings(text: str, areas: list[str]) -> dict[str, int]:
    """The areas a scorecard rates, with their scores out of five (a rating in words that
    faults counts as its score: weak is 2, mixed 3)."""
    return _scorecard(text, areas)[0]


def _scorecard(text: str, areas: list[str]) -> tuple[dict[str, int], str]:
    """The areas a scorecard rates, with their scores, and the text without the ratings it
    read: a rating line goes with its comment; a rating in words that praises stays, to be
    read as the words it says."""
    found: dict[str, int] = {}

    def rated(match: re.Match[str], score: int | None) -> str | None:
        area = _rated_area(match.group(1).strip().casefold(), areas)
        if area and score is not None:
            found.setdefault(area, score)
        return area

    def numeric(match: re.Match[str]) -> str:
        score, scale = int(match.group(2)), int(match.group(3))
        rated(match, round(score * 5 / scale) if score <= scale else None)
        return " "

    def worded(match: re.Match[str]) -> str:
        score = _word_score(match)
        return " " if score is not None and rated(match, score) else match.group(0)

    text = _INLINE_RATING.sub(numeric, _RATING.sub(numeric, text))
    return found, _WORD_RATING.sub(worded, text)


def _word_score(match: re.Match[str]) -> int | None:
    """A rating word's score out of five; none for praise ("strong"), which leaves its line
    to be read as the words it says."""
    word = match.group(2).casefold()
    return next((score for start, score in _WORD_SCORES if word.startswith(start)), None)


def clauses(text: str) -> list[tuple[str, bool]]:
    """``text`` without boilerplate, cut at sentence ends and turns: (clause, whether a
    turn or a new sentence comes before it)."""
    found: list[tuple[str, bool]] = []
    for sentence in _SENTENCE.split(_NO_CONCERN.sub(" . ", text)):
        turned = True
        for part in _TURN.split(sentence):
            for piece in re.split(r"(?<=;)\s*|,\s+(?:and\s+)?(?=(?:you|your|we|the|they|she|he|it|there)\b)", part):
                clause = piece.strip(" ,.;:")
                if len(clause) > 2:
                    found.append((clause, turned))
                turned = False
            turned = True
    return found


_PRAISING_NEGATION = re.compile(
    r"\b(no (question|doubt)( about (it|that))?|no doubts( about (it|that|your \w+))?|"
    r"(would|'d) have (loved|liked|enjoyed) (you|working with you|having you|to have you)|"
    r"no (issues?|problems?|concerns?) (there|with that|at all|on that)|nothing wrong( there| with (it|that|them))?|"
    r"(were|was|are|is) (absolutely |perfectly |all )?fine|"
    r"(wouldn't|would not|don't|do not|didn't|did not) (say|think|feel) (that )?(your|you|it)\b[^.;]{0,40}"
    r"(lacking|weak|short|thin|a (problem|gap|issue|concern))|without (a )?doubt|no (real )?concerns?|"
    r"not a (problem|concern)|"
    r"(didn't|did not|never) (jump|rush)\w* to conclusions|(we )?(don't|do not|rarely|seldom) (often )?see|"
    r"(couldn't|could not|can't) (fault|have asked for more)|nothing (but|short of))\b", re.I)
"""Negations that praise: "strong technical skills, no question", "which we don't often see"."""


def tone(clause: str) -> str:
    """``concern``, ``praise`` or ``neutral``."""
    if _PRAISING_NEGATION.search(clause):
        rest = _PRAISING_NEGATION.sub(" ", clause)
        return "concern" if _CONCERN.search(rest) else "praise"
    if _CONCERN.search(clause):
        return "concern"
    if _PRAISE.search(clause):
        return "praise"
    return "neutral"


def _with_cue(clause: str, topic: re.Match[str], cues: list[re.Match[str]]) -> str:
    """The topic's words, from the negation or hedge just before them: "never managed anyone"."""
    before = [c for c in cues if c.end() <= topic.start() and topic.start() - c.end() <= 25]
    return clause[before[-1].start():topic.end()] if before else topic.group(0)


def concerns(text: str, extra: Mapping[str, list[re.Pattern[str]]] | None = None,
             order: list[str] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """The areas ``text`` raises as concerns, each with the words that led to it.

    ``extra`` adds a project's own phrases for an area (matched in concern or neutral
    clauses, as strong topics); ``order`` is the order to list areas in.
    """
    found: dict[str, list[str]] = {}
    ranked = order or list(_TOPICS)
    scored, text = _scorecard(text, ranked + [area for area in extra or {} if area not in ranked])
    for area, score in scored.items():
        if score <= 2:
            found[area] = [f"{area} {score}/5"]
    # Feedback that gives a reason other than the person (pay, a role on hold) raises a
    # concern only where it says one outright.
    previous = "neutral"
    for clause, turned in clauses(text):
        said = tone(clause)
        if said == "neutral" and previous == "praise" and not turned:
            said = "praise"  # "a strong interview; you came across as a natural leader"
        previous = said
        if said == "praise":
            continue
        strong: dict[str, list[str]] = {}
        general: dict[str, list[str]] = {}
        cues = [m for m in _CONCERN.finditer(clause)]
        # A clause that neither regrets nor wishes ("your modelling test was one of the
        # cleanest we have seen") describes; it faults nothing. Only a project's own words
        # for an area, chosen for that, count there.
        for area, entries in _TOPICS.items() if said == "concern" else ():
            for strength, pattern in entries:
                words = [_with_cue(clause, m, cues) for m in pattern.finditer(clause)]
                if words:
                    (strong if strength == STRONG else general).setdefault(area, []).extend(words)
        for area, patterns in (extra or {}).items():
            words = [_with_cue(clause, m, cues) for p in patterns for m in p.finditer(clause)]
            if words:
                strong.setdefault(area, []).extend(words)
        named = dict(strong)
        if not strong:
            named.update(general)
        for area, words in named.items():
            seen = found.setdefault(area, [])
            seen += [w.lower() for w in words if w.lower() not in seen]
    return [(area, tuple(found[area])) for area in sorted(found, key=lambda a: ranked.index(a)
                                                            if a in ranked else len(ranked))]
