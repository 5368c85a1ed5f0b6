package main

// The names below are made up: no real regulator, programme or person.

// regulator is one of the corpus's regulators, as site.yaml defines it.
type regulator struct {
	abbr, name, host string
}

var regulators = []regulator{
	{"HCSA", "Health and Care Standards Authority", "hcsa"},
	{"DHSP", "Department for Health and Social Policy", "dhsp"},
	{"NMRB", "Nursing and Midwifery Registration Board", "nmrb"},
	{"GPhR", "General Pharmacy Regulator", "gphr"},
	{"MDSA", "Medicines and Devices Safety Agency", "mdsa"},
	{"WCSI", "Welsh Care Standards Inspectorate", "wcsi"},
	{"SCSO", "Scottish Care Standards Office", "scso"},
	{"NIQB", "Northern Ireland Quality Board", "niqb"},
	{"HPRC", "Health Professions Regulatory Council", "hprc"},
	{"IDPO", "Information and Data Protection Office", "idpo"},
	{"PSOC", "Patient Safety Ombudsman Commission", "psoc"},
	{"DSC", "Dental Standards Council", "dsc"},
}

// topics are in order of popularity: the first is the most written about.
var topics = []string{
	"Inspection framework", "Provider registration", "Medicines storage", "Safeguarding adults",
	"Staffing ratios", "Digital care records", "Fee scheme", "Infection prevention",
	"Workforce registration", "Complaints handling", "Duty of candour", "Market oversight",
	"Home care visits", "Mental capacity assessments", "Restrictive practice", "Controlled drugs",
	"Pharmacy licensing", "Dental contracts", "Maternity reviews", "Ambulance response standards",
	"Learning disability services", "Clinical governance", "Whistleblowing", "Fit and proper persons",
	"Cyber security", "Waiting list reporting", "Medical device safety", "Cosmetic procedures licensing",
	"Remote prescribing", "Interpreting services", "Continuing healthcare", "Children's residential care",
	"End of life care", "Nutrition and hydration", "Patient transport", "Sterile services",
	"Agency staff", "Quality accounts", "Environmental sustainability", "Out-of-hours services",
}

// paths are the courses a topic's story can take, status by status.
// Together they use every default status.
var paths = [][]string{
	{"proposed", "consultation", "planned", "in-progress", "in-force", "under-review", "reported"},
	{"proposed", "consultation", "piloting", "paused", "in-progress", "in-force"},
	{"consultation", "planned", "piloting", "in-force", "under-review", "closed"},
	{"proposed", "consultation", "withdrawn"},
	{"proposed", "paused", "consultation", "planned", "in-force", "closed"},
}

// milestones name the step a story takes into each status; {R} is the
// topic's lead regulator, {t} and {T} the topic in lower and capitalised case.
var milestones = map[string][]string{
	"proposed":     {"{R} proposes changes to {t}", "{R} sets out plans for {t}"},
	"consultation": {"{R} opens consultation on {t}", "Consultation on {t} begins"},
	"planned":      {"{R} confirms start date for new {t} rules", "New {t} rules confirmed"},
	"piloting":     {"Pilot of new {t} approach begins", "{R} starts piloting {t} changes"},
	"in-progress":  {"{R} begins rollout of {t} changes", "Work on {t} gets under way"},
	"paused":       {"{R} pauses work on {t}", "Changes to {t} put on hold"},
	"in-force":     {"New {t} requirements come into force", "{T} rules take effect"},
	"under-review": {"{R} launches review of {t}", "Independent review of {t} begins"},
	"reported":     {"Review of {t} publishes its findings", "{R} publishes report on {t}"},
	"withdrawn":    {"{R} withdraws {t} proposals", "Plans for {t} dropped"},
	"closed":       {"{R} closes {t} programme", "Work on {t} formally concluded"},
}

// titles for articles, by status, and those that fit any status; {R} is
// a regulator, {t} and {T} the topic in lower and capitalised case, {Q} an
// optional qualifier. Their many slots keep most titles, and so most
// slugs, unique even in a large corpus.
var titles = map[string][]string{
	"proposed": {"{R} proposes changes to {t}{Q}", "{R} sets out plans for {t}{Q}", "{R} floats new {n} for {g}",
		"{R} wants {g} to {a} under new {t} plans", "Plans to reform {t} announced{Q}", "{R} proposes {x} changes to the {t} {n}"},
	"consultation": {"{R} opens consultation on {t}{Q}", "{R} consults on new {t} {n}{Q}", "Consultation on {t} draws {k} responses",
		"Have your say on the {t} {n}{Q}", "{R} asks {g} for views on {t}", "Consultation on {t} extended until {m}"},
	"planned": {"{R} confirms start date for {t} changes{Q}", "New {t} {n} to start in {m}", "{R} publishes timetable for the {t} {n}",
		"{G} given until {m} to meet new {t} rules", "{T} changes confirmed{Q}"},
	"piloting": {"{R} pilots new {t} {n}{Q}", "{R} names {x} pilot sites for {t}", "Early lessons from the {t} pilot{Q}",
		"{T} pilot extended to {g}"},
	"in-progress": {"{R} publishes progress report on {t}{Q}", "{T} rollout reaches {g}", "{R} updates {g} on {t} programme",
		"{x} per cent of {g} now using new {t} {n}"},
	"paused": {"{R} pauses {t} work{Q}", "{T} changes on hold until {m}", "{R} delays {t} {n} again", "{R} pauses {t} after {why}"},
	"in-force": {"New {t} {n} now in force{Q}", "{R} publishes final {t} {n}{Q}", "{R} reminds {g} of {t} duties",
		"{R} takes action against {x} providers over {t}"},
	"under-review": {"{R} launches review of {t}{Q}", "{R} calls for evidence on the {t} {n}", "Review of {t} to report in {m}",
		"{R} reviews {t} after {why}"},
	"reported": {"{R} publishes findings on {t}{Q}", "Review of {t} makes {x} recommendations", "{R} responds to {t} report{Q}",
		"{T} review calls for a simpler {n}"},
	"withdrawn": {"{R} withdraws {t} proposals{Q}", "{T} plans dropped after {why}", "{R} abandons planned {t} {n}"},
	"closed": {"{R} closes {t} programme{Q}", "{T} programme concludes after {x} months", "Final update on {t}{Q}",
		"{R} signs off {t} changes for {g}"},
}

var anyTitles = []string{
	"What the latest {t} {n} means for {g}", "{R} answers {x} questions on {t}", "Explainer: the {t} {n}",
	"{R} publishes {t} data for {m}", "{R} writes to {g} about {t}", "{T}: {R} updates its {n}",
	"{R} and {R2} agree joint approach to {t}", "{R} board discusses {t} in {m}",
}

var qualifiers = []string{
	" for care homes", " for home care providers", " for GP practices", " for dental practices",
	" for pharmacies", " for community services", " for independent hospitals", " in Wales",
	" in Scotland", " after pilot", " for hospices", " for ambulance services",
}

var groups = []string{
	"care homes", "home care providers", "GP practices", "dental practices", "pharmacies",
	"community health services", "independent hospitals", "hospices", "ambulance services",
	"mental health trusts", "registered managers", "nominated individuals",
}

var nouns = []string{
	"guidance", "framework", "standard", "code of practice", "assessment approach", "registration process",
	"reporting requirement", "fee structure", "inspection regime", "enforcement policy", "data return",
	"notification rule", "quality statement", "evidence category", "rating methodology",
}

var actions = []string{
	"review their policies", "update their records", "brief their staff", "check their registration details",
	"submit the new data return", "read the updated guidance", "appoint a named lead", "audit their current practice",
	"update their statement of purpose", "tell the regulator about any changes", "train frontline staff",
	"plan for the transition", "respond to the consultation", "check their contracts",
}

var when = []string{
	"from next April", "by the end of the year", "within 12 weeks", "over the next six months",
	"before the next inspection cycle", "by the autumn", "in the new financial year", "later this year",
	"within the next quarter", "from the start of next month",
}

var reasons = []string{
	"concerns raised by providers", "the findings of an internal audit", "feedback from the pilot sites",
	"pressure on the workforce", "changes to the underlying legislation", "a rise in notifications",
	"delays to the supporting IT system", "the outcome of the spending review", "advice from the expert panel",
	"evidence of inconsistent practice",
}

var sentences = []string{
	"The {RN} says the {n} will apply to {g} {w}.",
	"Providers will need to {a} {w}.",
	"The change follows {why}.",
	"According to the {R}, about {x} per cent of {g} already meet the new {n}.",
	"The {R} expects {g} to {a} and to keep evidence that they have done so.",
	"Trade bodies representing {g} welcomed the direction of travel but asked for more time.",
	"The {n} replaces arrangements that have been in place since {y}.",
	"Inspectors will look at how {g} {a} during their next visit.",
	"The {RN} has published a summary of the {x} responses it received.",
	"In its statement, the {R} said it had listened to {why}.",
	"Some {g} told us the timetable was too tight, given {why}.",
	"The {R} will publish further detail on the {n} {w}.",
	"This is the {ord} update to the {n} since {y}.",
	"There is no change for {g} that already {a}.",
	"The {R} estimates the cost to {g} at around {x} million pounds a year.",
	"Where {g} cannot {a}, they should explain why in their next return.",
	"A joint working group of the {R} and the {R2} will oversee the work.",
	"The {R2} has said it will align its own {n} with the {R}'s approach.",
	"The {R} board discussed the proposals at its meeting in {m}.",
	"Officials said the aim was to make the {n} simpler for {g} to follow.",
	"The wording of the {n} has been tightened after {why}.",
	"Smaller {g} may be given until {m} to comply.",
	"It remains unclear how the {n} will apply to {g} that operate across more than one nation.",
	"The {R} has promised a further round of engagement with {g} {w}.",
	"The previous {n} was criticised in {y} for being hard to apply consistently.",
	"We will update this article when the {R} publishes its response.",
	"The announcement was made in a letter to {g} and in a short note on the {R} website.",
	"Representatives of people who use services said the change was overdue.",
	"The {R} says it will take a proportionate approach to enforcement while {g} adjust.",
	"Guidance for {g} on how to {a} is expected {w}.",
}

var quotes = []string{
	"We have listened carefully to {g} and to the people who use their services. The {n} we are publishing today is simpler, clearer and fairer.",
	"Our priority is that people receive safe care. This change helps {g} show us that they do, without adding unnecessary paperwork.",
	"We know that {g} are under real pressure. That is why we are giving them until {m} before we expect to see the changes in place.",
	"The evidence we gathered left us in no doubt that the {n} needed to change. We will keep it under review as it beds in.",
	"This is not the end of the conversation. We want to hear from {g} about how the {n} is working in practice.",
}

var firstNames = []string{
	"Amara", "Bronwen", "Callum", "Deepa", "Eliot", "Farah", "Gideon", "Harriet", "Idris", "Jolene",
	"Kieran", "Lorna", "Malik", "Niamh", "Oren", "Priya", "Quentin", "Rosalind", "Saoirse", "Tobias",
}

var lastNames = []string{
	"Ashworth", "Blakemore", "Carrow", "Delafield", "Ellery", "Fenwick", "Garside", "Holloway", "Ingleby", "Jessop",
	"Kettering", "Lomax", "Marwood", "Northcott", "Oakden", "Pennick", "Quarrie", "Rothwell", "Stansfield", "Thorne",
}

var roles = []string{
	"chief inspector", "chief executive", "director of policy", "head of registration",
	"chair", "director of regulation", "deputy chief inspector",
}

var nations = [][]string{
	{"England"}, {"England"}, {"England"}, {"England", "Wales"}, {"Wales"}, {"Scotland"},
	{"Northern Ireland"}, {"England", "Wales", "Scotland", "Northern Ireland"},
}

var changeNotes = []string{
	"Added the {R}'s response to the consultation.",
	"Corrected the start date.",
	"Added a link to the final guidance.",
	"Updated with the {R}'s latest timetable.",
	"Clarified who the change applies to.",
	"Added the figures published by the {R}.",
}

var withdrawals = []string{
	"The {R} has since withdrawn the guidance this article describes.",
	"This article reported figures the {R} later corrected; see the newer articles on this topic.",
	"The proposals described here were replaced by a new consultation.",
}

var sourceKinds = []struct{ title, path string }{
	{"{RN} guidance on {t}", "guidance"},
	{"Consultation document: {T}", "consultation"},
	{"{R} board paper on {t}", "board-papers"},
	{"{R} press statement", "news"},
	{"{T}: consultation response", "responses"},
	{"Letter to {g} about {t}", "letters"},
}

var extras = []string{
	"Consultation closes", "Deadline for provider returns", "{R} board meeting", "Guidance published",
	"Transition period ends", "Webinar for {g}",
}

var bullets = []string{
	"The {n} now covers {g}", "Providers must {a} {w}", "The {R} will check compliance at inspection",
	"Existing registrations are not affected", "A transition period applies {w}",
	"The {R2} will take the same approach", "Fees for {g} change {w}",
	"New notification forms are available on the {R} website", "The previous {n} is withdrawn",
	"Exemptions for small {g} remain in place",
}

var headings = [][]string{
	{"What has changed", "The changes in brief", "What the {R} announced"},
	{"Key dates", "Timeline"},
	{"What providers need to do", "What this means for {g}"},
	{"Background", "How we got here"},
	{"What happens next", "Next steps"},
}

var summaries = []string{
	"The {R} has set out changes to {t} that {g} will need to follow {w}.",
	"Providers have been asked to {a} after {why}.",
	"The {RN} has published an update on {t}.",
	"What the latest {R} announcement on {t} means for {g}.",
	"The {R} says the new {n} will apply {w}, following {why}.",
}
