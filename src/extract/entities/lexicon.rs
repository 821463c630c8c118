//! The word lists of the rule-based extractor: given names, titles, roles,
//! organisation keywords, ... (written by hand, general knowledge), and the
//! lookup sets built from them once per extractor.

use rustc_hash::FxHashSet as HashSet;

/// Common given names across languages. A capitalised run whose first word
/// is one of these is taken for a person.
pub(crate) const GIVEN_NAMES: &str = "
aaron abby abdel abdallah abdul abdulaziz abdullah abdulrahman abe abel abhishek
abigail abiy abu ada adam adama adel adil adnan adrian adriana agnes agnieszka
ahmad ahmed ahmet aidan aileen aisha akbar akio akira al alain alan alastair
albert alberto alejandra alejandro aleksandar aleksander aleksandr aleksei
aleksey alessandra alessandro alex alexander alexandra alexandre alexandros
alexei alexey alexis alfie alfred alfredo ali alice alicia alina alison
alistair allan allen allison alma alok alvaro amadou amanda amal amber amelia
amelie amin amina amir amit amos amr amy ana anand anastasia anders andre
andrea andreas andrei andres andrew andrey andrzej andriy andy angela angelina
angelo angus anil anita ann anna annalena anne annette annie anthony antoine
anton antonia antonio antony anwar archie ariana ariel arjen arkady arlene
arnold arsene arthur arturo arun arvind asad asha ashley ashok asif asim
audrey augusto avi avigdor ayelet ayman aziz azim
babar baltasar barack barbara barney barry bashar basil beata beatriz beau
ben benazir benedict benito benjamin benny benoit bernadette bernard bernd
bernie bertie beth betty beyonce bilal bill billie billy binali binyamin bjorn
blaise bob bobby bogdan bola boris boyko brad bradley brandon brenda brendan
brett brian bridget brigitte britney brittany bronislaw bruce bruno bryan
burak byron
caitlin callum calvin camila camilla candice carl carla carles carlo carlos
carmen carol caroline carolyn carrie casey cassandra catalina cate catherine
cathy cecil cecilia cedric celine cesar cesc chad charles charlie charlotte
 cheryl chiara chimamanda chinua chloe chris chrissie christa christina
christine christoph christophe christopher chrystia chuck ciaran cindy claire
clara clare clarence claude claudia claudio clement cliff clifford clint clive
colin condoleezza connor conor constance constantin corinne cormac craig
cristian cristiano cristina cynthia cyril
dafydd daisy dale damian damien damon dan dana daniel daniela daniele danielle
danny dara daria dario darius darren darya dave davide david davina davor dawn
dean debbie deborah debra declan deepak deepika deirdre dejan delia denis denise
dennis derek desmond diana diane dick didier diego dieter dilma dimitri
dimitris dina dinesh dirk dmitri dmitriy dmitry dmytro dolores dominic
dominique donald donna doris dorothy doug douglas dragan duncan dustin dwight
dylan
earl ebrahim ed eddie eddy edgar edith edmund edna edouard eduard eduardo edward
edwin egon ehud eileen elaine eleanor elena eli elias elijah elisa elisabeth
eliza elizabeth ella ellen ellie elliot elliott elon elsa elvis emil emile emilia
emilio emily emma emmanuel emmerson emre enda enrico enrique eoin eric erica erik
erin erling ernest ernesto ernie errol erwin esko esteban esther ethan eugene
eva evan evangelos eve evelyn evgeny evo ewa ezra
fabian fabien fabio fabrice fahd faisal farah farid farouk fatemeh fatima fatma
fawaz federica federico felipe felix ferdinand fernanda fernando ferran filippo
fiona florence florian fran frances francesca francesco francis francisco
franco francois francoise frank frankie franz franziska fred freddie freddy
frederick frederik fredrik friedrich fritz fumio fyodor
gabriel gabriela gabriele gabrielle gail gamal gareth garry gary gavin gemma
gene geoff geoffrey george georges georgi georgia gerald geraldine gerard
gerhard gerry gert gianluca gianluigi gianni gideon gilbert gilles gillian gina
giorgia giorgio giovanni gisela giulia giulio giuseppe glen glenn gloria golda
goodluck goran gordon grace graeme graham  greg gregor gregory greta
grigory gro guido guillaume guillermo gunnar gunter gustav gustavo gwen gwyneth
gyula
habib hafez haider hailemariam hakan hal hamad hamed hamid hamish hamza hana
hanan hank hannah hans harold harriet harrison harry haruhiko haruki harvey
hasan hashim hassan hayley hazel heather hector heidi heiko heinz helen helena
helga helle helmut hendrik henri henrik henry herbert hermann hernan herve
hideki hilary hillary hiroshi holly horst hosni hossein howard hubert hugh hugo
huma humza hunter hussain hussein
iain ian ibrahim ida idriss ignacio igor iker ilham ilya imad imogen imran ina
indira ines inga ingrid inzamam ioannis ion irene irfan irina iris isaac
isabel isabella isabelle isaias ismail  istvan itamar ivan ivana ivanka
ivo ivor iyad
jaap jacinda jack jackie jackson jacob jacqueline jacques jade jagmeet jaime
jair jake jakob jamal james jamie jan jane janet janice janos janusz jared
jaroslav jaroslaw jasmine jason javad javier jay jayne jean jean-claude
jean-louis jean-luc jean-marc jean-marie jean-michel jean-paul jean-pierre
jean-yves jeb jeff jeffrey jen jennifer jenny jens jenson jeremy jermain
jermaine jerome jerry jess jesse jessica jesus jill jim jimmy jin jo joachim
joan joanna joanne joao joaquin jochen jodie joe joel joerg joey johan johann
johanna johannes john johnnie johnny jolyon jon jonas jonathan jonny jordan
jordi jorge jose josef joseph josephine josh joshua josie joyce juan judi
judith judy jules julia julian julie julien juliet juliette julio julius
junichiro jurgen justin justine
kai kamal kamala karel karen karim karin karl karl-heinz karol kasper kate
katherine kathleen kathryn kathy katie katrin katarzyna katy kay kazuo keiko
keir keith kelly kemal ken kenji kenneth kenny kerry kevin khaled khalid
khaleda kieran kim kimberly kimi kiran kirk kirsten kirsty klaus kofi koji
konstantin kostas krisztina krzysztof kurt kwame kwasi kyle kylian kylie
lakshmi lamar lance lars laszlo laura lauren laurence laurent lawrence lea leah
lech lee leigh leila lenin leo leon leonard leonardo leonid leslie lesley levi
lewis liam lila liliana lily lina linda lindiwe lindsay lindsey linford lionel
lisa liz liza lizzie lloyd logan lorenzo loretta lorna lorraine lothar lou
louis louisa louise luc luca lucas lucia lucy ludmila ludovic ludwig luigi luis
luisa luiz luka lukas luke lula lydia lyndon lynn lynne lyudmila
madeleine madison mads magda magdalena maggie magnus mahathir mahendra mahmoud
mahmud maja majid malala malcolm mamadou mamata mandy manfred manmohan manuel
manuela mao mara marat marc marcel marcelo marco marcus margaret margarita
margot marguerite mari maria mariam mariana mariano marie marilyn marina mario
marion marisa marissa mark marko markus marlene marsha marta martha martin
martina martine marvin mary maryam masayoshi masoud massimo mateo mateusz
mathieu mathilde matt matteo matthew matthias matthieu maureen maurice mauricio
max maxim maxime maximilian maya mehdi mehmet mel melania melanie melinda
melissa mercy meredith meryl mesut mette mia michael michaela michal michel
michele michelle miguel mihai mika mikael mike mikel mikhail mikko milan
milica  milos mina mindy miriam mirko misbah mitch mitchell mitt mo
mohamad mohamed mohammad mohammed moira molly monica monika monique morris
moses moshe mostafa muammar mubarak muhammad muhammadu mukesh murray mustafa
mykhailo mykola
nabil nadia nadine nadezhda naftali nancy naomi naoto narendra nasser natalia
natalie natalya natasha nathalie nathan nathaniel nawaz nayib neal ned neil
nelson neville newt niall nicholas nick nicki nicky nico nicola nicolae nicolas
nicole niels nigel nikita nikki niklas nikola nikolai nikolay nils nina nitish
noah noel nora norah norbert norman nour nouri novak nuri
ofelia oksana olaf oleg oleksandr oleksiy olga oliver olivia ollanta olusegun
omar oprah orlando oscar osama oswald otto owen ozzy
pablo padraig paola paolo pascal pat patrice patricia patrick patti paul paula
paulina pauline paulo pavel pawel pedro peggy penelope penny  percy 
pervez pete peter petr petra petro petteri phil philip philipp philippa
philippe phillip phoebe pier pierre piers pieter pietro piotr pippa pol
pooja pradeep prakash pranab priti priya priyanka pyotr
quentin qusay
rachael rachel radek radoslaw radovan rafa rafael raffaele raheem rahul raila
rainer raj rajesh rajiv rakesh ralf ralph ramesh ramon ramzan rana randall
randy rania raphael rashid ratan ratko raul ravi ray raymond rebecca rebekah
recep reggie reginald reinhard reza ricardo riccardo richard richie rick ricky
rishi rita rob robbie robert roberta roberto robin rod roderick rodney rodrigo
roger roland rolf roman romano romain ron ronald ronaldo ronan ronnie rory rosa
rosalind rosie ross rowan roxanne roy rudolf rudy rumen rupert ruslan russell
ruth ryan
saad sabine sachin sadiq saddam saeed sahra sajid salah salim sally salma salman
salva salvatore sam samantha sameer sami samia samir samira samuel sandeep
sandra sanjay sanna sara sarah sasha satya saul scarlett scott sean seamus
sebastian sebastien segolene serena serge sergei sergey sergi sergio serhiy
seth shabana shahbaz shahid shane shannon sharon shashi shaun shawn sheila
shelley sheryl shigeru shimon shinzo shirin shirley shoaib siddharth sigmar
silvia silvio simon simone sinead siobhan slobodan sofia sonia sonja sophia
sophie soren sourav spencer stan stanislav stanley stefan stefano steffen
steffi stella stephan stephane stephanie stephen steve steven stewart stuart
sue sultan sunil susan susanne suzanne svetlana sven sylvia sylvie
tamara tamim tammy tania tanya tara tarek tariq tatiana tatyana ted teddy
teresa terence terry tessa thabo thaksin theo theodore theresa thierry thomas
tiger tim timothy timur tina tito tobias toby todd tom tomas tomasz tommy toni
tony tore torsten tracey tracy travis trevor tristan troy tsai tsipi tzipi
uhuru ulrich ulrike uma umar umberto urs ursula usain uwe
vaclav vadim valentin valentina valeria valerie valery valtteri vanessa vasily
veronica veronique vicente vicky victor victoria vijay vikram viktor viktoria
vince vincent violet virat virginia vitaly vitali viv vivek vivian vladimir
vladislav volker volodymyr vyacheslav
wade waleed walid wally walter wanda warren wasim waqar wayne wendy werner
wes wesley whitney wilfred wilhelm willem william willie  wim winnie
winston wojciech wolfgang wopke wyatt
xabi xavi xavier xenia ximena
yahya yair yan yannick yaroslav yasmin yasser yevgeny yitzhak yoav yoko yolanda
yoshihide yoshihiko yousef youssef yuki yukio yulia yuliya yuri yuriy yury
yusuf yves yvette yvonne
darryl daryl derrick donovan jesper youri christian rohan sammy nolan
loren russ duffy
zach zachary zahra zaid zainab zayed zbigniew zelda  ziad zinedine zlatan
zoe zoltan zoran zsolt
";

/// Family names written first (Chinese, Korean, Vietnamese order). A run
/// of 2-3 words starting with one is taken for a person; such a first word
/// alone also resolves to the full name.
pub(crate) const FAMILY_FIRST: &str = "
wang li zhang liu chen yang huang zhao wu zhou xu zhu hu guo lin gao luo zheng
liang xie tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang du
ye cheng wei su lu ding ren shen yao xi qin lai bo hua kong mao tsai chiang
leung wong lam cheung kim park choi jung kang cho yoon lim shin moon roh
nguyen tran pham hoang phan vu vo dang bui ngo duong
";

/// Capitalised words that are never part of a person's name: function
/// words, months, days, common sentence starters and generic nouns.
pub(crate) const STOP_WORDS: &str = "
a about above according across actually after afterwards again against ago
ahead all almost along already also although always am amid amidst among
amongst an and another any anyone anything anyway apparently are around as
at away back be because been before being below beside besides between beyond
both but by can cannot certainly clearly could did despite do does doing done
down during each earlier either else elsewhere enough especially even ever
every everyone everything except few finally first for former from further
furthermore had has have having he hence her here hers herself him himself his
how however i if in indeed initially inside instead into is it its itself just
last late later latest least less let lets like likewise many may maybe me
meanwhile might mine more moreover most much must my myself near nearly neither
never nevertheless next no nobody none nonetheless nor not nothing now of off
often oh ok okay on once one only onto or other others otherwise ought our ours
ourselves out outside over overall own perhaps please plus possibly previously
probably quite rather really recently regardless same second several shall she
should similarly since so some someone something sometimes soon still such than
thank thanks that the their theirs them themselves then there thereby therefore
these they third this those though through throughout thus to today together
tomorrow tonight too toward towards ultimately under unless unlike until up upon
us very via was we well were what whatever when whenever where whereas wherever
whether which while who whoever whole whom whose why will with within without
would yes yesterday yet you your yours yourself
two three four five six seven eight nine ten eleven twelve twenty hundred
thousand million billion trillion
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
thurs fri sat
january february march april june july august september october november
december feb mar apr jun jul aug sep sept oct nov dec
spring summer autumn winter christmas easter ramadan eid diwali hanukkah
thanksgiving halloween new year years day days week weeks month months
read more leave reply photo photos picture pictures image images video videos
watch click share comment comments advertisement subscribe copyright getty
source sources update updated breaking exclusive live analysis opinion
editorial report reports related story stories follow sign log login menu home
page top bottom contact about privacy terms cookies continue reading
north south east west northeast northwest southeast southwest central global
world international national federal state government minister ministers
officials official analysts analyst critics experts observers investors
traders residents witnesses police doctors scientists researchers economists
authorities diplomats officers prosecutors lawyers protesters protestors
campaigners activists organisers organizers employees workers users fans
people men women children students voters leaders members supporters
opponents families citizens soldiers troops rebels militants insurgents
republicans democrats republican democrat democratic conservatives
conservative liberals liberal tories tory labour socialists socialist
communists communist greens nationalists nationalist lib dems libdems
god allah internet web online email covid coronavirus ai tv radio
company firm firms market markets economy business shares stocks prices
sanctions war peace talks deal plan plans law laws act
mp mps ceo ceos cfo pm
mr mrs ms dr
chapter section part figure table note notes
ltd inc corp plc
ok yeah hey wow
";

/// Capitalised keywords that mark an organisation name.
pub(crate) const ORG_WORDS: &str = "
bank banco banque banca college colleges university universities school schools
academy institute institution inc incorporated corp corporation co company
companies ltd limited llc plc ag gmbh nv bv spa holdings holding partners
ventures fund funds trust securities investments insurance assurance ministry
department dept agency authority commission committee council board bureau
service services congress parliament senate assembly court tribunal party
house chamber association union federation confederation league alliance
coalition organisation organization society foundation charity club clubs
team united city fc afc rovers athletic wanderers albion hotspur rangers celtic
times news post journal herald tribune telegraph guardian gazette daily weekly
magazine press review chronicle observer independent express mirror mail
standard examiner inquirer bulletin courier dispatch television tv radio
broadcasting broadcast network networks channel studios studio pictures films
records entertainment media airlines airline airways motors motor automotive
energy oil petroleum petrochemical power electric electronics telecom telekom
telecommunications communications systems technologies technology tech software
labs laboratories pharmaceuticals pharma biotech industries industrial
international solutions enterprises brothers associates consulting exchange
hospital hospitals clinic church mosque temple cathedral museum gallery theatre
theater opera orchestra festival awards award prize cup championship
championships tournament olympics olympic games series prix marathon stadium
arena airport station palace summit forum conference convention treaty accord
accords agreement pact army navy forces corps guard guards police command
brigade regiment battalion front movement initiative centre center reserve
embassy consulate secretariat nations railway railways rail mall hotel hotels
restaurant supermarket supermarkets office stores foods beverages brewery products
brands resources mining minerals metals steel chemicals construction properties
development logistics shipping retail bancorp financial credit savings payments
capital research sciences studies observatory institutes open monitor dynamo
boerse borse registry prison jail county spartak lokomotiv olympique sporting
";

/// Well-known organisations that the keyword rule would miss (lowercase,
/// words separated by single spaces).
pub(crate) const KNOWN_ORGS: &str = "
kremlin|pentagon|whitehall|downing street|capitol hill|scotland yard
reuters|xinhua|tass|interfax|bloomberg|ria novosti|itar tass|afp|yonhap|kyodo
al jazeera|cnn|bbc|nbc|abc|cbs|sky|itv|reuters news
hamas|hezbollah|hizbollah|taliban|al qaeda|isis|isil|islamic state|boko haram|fatah|likud|sinn fein|ukip|nato|opec|fifa|uefa|nasa|unicef|unesco|interpol|europol|greenpeace|oxfam|amnesty|ofcom|ofgem|ofsted|eurostat|frontex
fed|treasury|ecb|imf|wto|eu|un|nhs|fbi|cia|nsa|kgb|fsb|gchq|mi5|mi6
microsoft|google|alphabet|apple|amazon|facebook|meta|twitter|netflix|tesla|intel|nvidia|ibm|oracle|cisco|qualcomm|samsung|sony|nintendo|nokia|ericsson|siemens|volkswagen|toyota|honda|nissan|ford|boeing|airbus|huawei|alibaba|tencent|baidu|bytedance|tiktok|uber|lyft|yahoo|ebay|paypal|vodafone|gazprom|rosneft|lukoil|shell|bp|exxon|exxonmobil|chevron|walmart|disney|pfizer|moderna|astrazeneca|unilever|nestle|barclays|hsbc|lloyds|citigroup|citi|citibank|jpmorgan|commerzbank|ubs|santander|bnp|natwest|rbs|tesco|sainsbury|asda|aldi|lidl|ikea|renault|peugeot|fiat|ferrari|mclaren|mercedes|bmw|audi|porsche|jaguar|volvo|hyundai|kia|xiaomi|lenovo|foxconn|tsmc|sap|spotify|instagram|whatsapp|youtube|wikipedia|linkedin|snapchat|reddit|openai|anthropic|deepmind|starbucks|mcdonald|coca cola|pepsi|pepsico|nike|adidas|gucci|prada|zara|vivendi|bertelsmann|newscorp|viacom|paramount|pixar|dreamworks|emi|motorola|blackberry|dell|hp|compaq|xerox|kodak|philips|panasonic|toshiba|hitachi|fujitsu|canon|nikon|glaxo|glaxosmithkline|novartis|roche|sanofi|bayer|merck|aviva|prudential|allianz|axa|enron|worldcom|lehman|parmalat
morgan stanley|fannie mae|freddie mac|j.p. morgan|jp morgan|goldman sachs|merrill lynch|charles schwab|dow jones|rio tinto|marks and spencer|procter and gamble|johnson and johnson|ernst and young|time warner|walt disney|harley davidson|paris saint germain|real madrid|inter milan|ac milan|bayern munich|borussia dortmund|aston villa|crystal palace|west ham|tottenham|arsenal|chelsea|everton|fulham|juventus|benfica|ajax|harvard|yale|stanford|princeton|mit|oxfam|red cross|red crescent|salvation army|wall street journal|financial times|new york times|washington post|los angeles times|daily mail|the sun|the times|der spiegel|le monde|el pais|global times|china daily|south china morning post
";

/// Titles: strong cues that the next capitalised word(s) name a person,
/// even a single surname (`President Putin`, `Mr Xi`).
pub(crate) const TITLES: &str = "
president premier chancellor minister secretary senator sen rep representative
congressman congresswoman governor gov mayor king queen prince princess emperor
empress pope cardinal archbishop bishop reverend rev rabbi imam ayatollah sheikh
sheik emir sultan general gen lieutenant lt colonel col captain capt commander
cmdr admiral adm marshal sergeant sgt brigadier corporal cpl mr mrs ms miss mx
dr prof professor judge justice sir dame lord lady baroness baron duke duchess
earl countess ambassador envoy commissioner inspector detective det
superintendent supt constable chairman chairwoman chairperson ceo cfo coo
spokesman spokeswoman spokesperson adviser advisor coach manager boss striker
midfielder defender goalkeeper winger speaker mp mep msp taoiseach
president-elect pastor father
";

/// Roles: weaker cues, enough for a run of two or more capitalised words
/// (`his Chinese counterpart Xi Jinping`) and for appositions (`Robert
/// Ross, a political-science professor`).
pub(crate) const ROLES: &str = "
leader counterpart rival colleague teammate team-mate partner wife husband son
daughter brother sister mother uncle aunt nephew niece cousin grandson
granddaughter grandfather grandmother girlfriend boyfriend fiance fiancee widow
widower founder co-founder owner investor billionaire tycoon magnate
businessman businesswoman entrepreneur candidate nominee challenger incumbent
dictator strongman warlord chief head director executive president official
officer analyst economist strategist lawyer attorney prosecutor barrister
solicitor judge professor lecturer researcher scientist expert historian author
novelist writer poet playwright journalist reporter correspondent editor
columnist commentator presenter broadcaster host anchor actor actress star
singer songwriter rapper musician guitarist drummer bassist pianist composer
conductor comedian producer filmmaker film-maker artist designer photographer
model chef player batsman bowler all-rounder spinner captain skipper champion
golfer cyclist rider driver jockey trainer boxer fighter sprinter athlete
swimmer pitcher quarterback forward midfielder defender striker winger
goalkeeper keeper coach manager boss referee umpire teenager student pupil
teacher doctor surgeon nurse priest cleric monk activist campaigner dissident
protester blogger spokesman spokeswoman aide adviser advisor deputy member
fellow lawmaker legislator politician diplomat negotiator mediator envoy
ambassador veteran legend hero suspect victim defendant witness resident friend
chairman senator minister secretary counsel consultant engineer inventor
pioneer vice-president premier governor mayor chancellor commissioner
stalwart colleague successor predecessor heir administrator coordinator
organiser organizer psychologist sociologist psychiatrist physician lecturer
chairwoman treasurer
";

/// Words that may stand before a title as part of it (`Prime Minister`,
/// `National Security Adviser`, `Treasury Secretary`).
const TITLE_MODIFIERS: &str = "
vice deputy prime foreign defence defense interior home justice health finance
financial trade treasury national security economic economy energy education
environment culture sports sport transport agriculture communications digital
chief senior acting former first crown grand supreme high assistant under
junior shadow executive managing founding military opposition majority
minority armed labor immigration industry commerce information intelligence
state federal regional local associate emeritus visiting retired interim
caretaker outgoing incoming presidential party team club press cabinet
permanent principal special general attorney lord chief's of the for
";

/// Titles that are also common surnames (`Stephen King`, `Mike Judge`):
/// they count as titles only when no name word comes right before them.
const AMBIGUOUS_TITLES: &str = "
king queen prince princess bishop judge pope cardinal general marshal lord lady
father sultan earl baron duke justice
";

/// Lowercase particles allowed between the capitalised words of a name.
const PARTICLES: &str = "
de del della der den di da dos das do du van von ter bin ibn bint al el le la y
";

/// Speech verbs: `said Ross` or `Ross said` vouch for a person.
const SPEECH_VERBS: &str = "
said says told tells added adds stated noted notes explained explains argued
argues insisted insists wrote writes asked asks replied recalled admitted
acknowledged stressed continued concluded declared urged quipped joked
conceded remarked observed commented suggested believes thinks
";

/// Geographic words that make a capitalised run a place: after the name
/// (`Yangtze River`) or before it (`Lake Tahoe`, `Mount Everest`).
const GEO_SUFFIXES: &str = "
river sea ocean lake mountains mountain island islands isles bay strait straits
valley desert peninsula canal province region coast delta heights falls plateau
basin highlands forest glacier reef archipelago prefecture oblast road
street avenue square bridge
";
const GEO_PREFIXES: &str = "lake mount mt cape isle bay strait sea gulf";

/// Words followed by a period that does not end the sentence.
const ABBREVIATIONS: &str = "
mr mrs ms dr st sen rep gov gen lt col capt cmdr adm sgt cpl prof rev jr sr inc
corp co ltd no vs etc mt ft det supt insp hon messrs mme mlle jan feb mar apr
jun jul aug sep sept oct nov dec
";

/// Prepositions that continue an organisation name (`Bank of England`).
const ORG_PREPOSITIONS: &str = "of for on de du des di del der fur für";

/// Company-name endings: `Kia Motor Corp of South Korea` names the
/// company's home, unlike `Bank of England`.
pub(crate) const COMPANY_SUFFIXES: &str = "
inc incorporated corp corporation co company companies ltd limited llc plc ag
gmbh nv bv spa sa holdings holding group motors motor airlines industries
pharmaceuticals technologies systems enterprises partners associates
";

/// Lowercase nouns that introduce names of organisations or things, not
/// people (`security firm Network Box`, `the app TikTok`).
const THING_NOUNS: &str = "
firm firms company companies group giant maker makers retailer bank banks
carrier operator provider site website network agency body regulator watchdog
union club side team band label chain airline manufacturer insurer lender
broker consultancy outfit start-up startup service newspaper magazine channel
paper tabloid brand supplier distributor developer publisher studio
conglomerate subsidiary franchise game software program programme app
platform engine browser virus worm console phone handset show series film
movie album single song track book musical play opera festival event hotel
restaurant stadium ship vessel plane aircraft car drug product index fund
exchange party newspapers station charity council committee ministry
department
";

/// The word lists as lookup sets.
#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    pub(super) given: HashSet<&'static str>,
    pub(super) family_first: HashSet<&'static str>,
    pub(super) stop: HashSet<&'static str>,
    pub(super) org_words: HashSet<&'static str>,
    pub(super) known_orgs: HashSet<&'static str>,
    pub(super) known_org_first: HashSet<&'static str>,
    pub(super) known_org_words: usize,
    pub(super) titles: HashSet<&'static str>,
    pub(super) roles: HashSet<&'static str>,
    pub(super) title_modifiers: HashSet<&'static str>,
    pub(super) ambiguous_titles: HashSet<&'static str>,
    pub(super) particles: HashSet<&'static str>,
    pub(super) speech: HashSet<&'static str>,
    pub(super) geo_suffixes: HashSet<&'static str>,
    pub(super) geo_prefixes: HashSet<&'static str>,
    pub(super) abbreviations: HashSet<&'static str>,
    pub(super) org_prepositions: HashSet<&'static str>,
    pub(super) company_suffixes: HashSet<&'static str>,
    pub(super) thing_nouns: HashSet<&'static str>,
}

fn word_set(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

impl Lexicon {
    pub(super) fn new() -> Lexicon {
        let known_orgs: HashSet<&'static str> = KNOWN_ORGS
            .split(['|', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let known_org_words = known_orgs
            .iter()
            .map(|s| s.split(' ').count())
            .max()
            .unwrap_or(1);
        Lexicon {
            given: word_set(GIVEN_NAMES),
            family_first: word_set(FAMILY_FIRST),
            stop: word_set(STOP_WORDS),
            org_words: word_set(ORG_WORDS),
            known_org_first: known_orgs
                .iter()
                .filter_map(|s| s.split(' ').next())
                .collect(),
            known_orgs,
            known_org_words,
            titles: word_set(TITLES),
            roles: word_set(ROLES),
            title_modifiers: word_set(TITLE_MODIFIERS),
            ambiguous_titles: word_set(AMBIGUOUS_TITLES),
            particles: word_set(PARTICLES),
            speech: word_set(SPEECH_VERBS),
            geo_suffixes: word_set(GEO_SUFFIXES),
            geo_prefixes: word_set(GEO_PREFIXES),
            abbreviations: word_set(ABBREVIATIONS),
            org_prepositions: word_set(ORG_PREPOSITIONS),
            company_suffixes: word_set(COMPANY_SUFFIXES),
            thing_nouns: word_set(THING_NOUNS),
        }
    }

    pub(super) fn is_given(&self, lower: &str) -> bool {
        self.given.contains(lower)
            || lower.split_once('-').is_some_and(|(first, _)| {
                self.given.contains(first) && !self.particles.contains(first)
            })
    }
}
