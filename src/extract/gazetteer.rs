//! The embedded place list used by the rule-based entity extractor.
//!
//! Everything in this file is hand-written from general geographic
//! knowledge (facts: country, city and region names and their usual
//! English aliases); no external list was copied.
//!
//! The [`Gazetteer`] maps every written form of a place (canonical name and
//! aliases, e.g. `US`, `U.S.`, `America`) to one canonical name
//! (`United States`). Keys are compared after [`normalize_into`], which
//! folds accents, curly apostrophes, dashes and runs of white space, so
//! `Bogota` and `Bogotá` are the same key. Matching is case-sensitive (the
//! extractor relies on capitalisation); a second, lowercase table serves
//! all-caps text such as `LONDON 1996-08-30` datelines.
//!
//! Demonyms (`Chinese`, `Russians`) are kept here too: they are not places,
//! but the extractor must know them to keep them out of person names.

// FxHash instead of SipHash (which cost 8% of ingest): keys are words of our
// own tables or of one article, so a hostile article could at worst slow
// down its own extraction.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Places, one per line: the canonical name first, then its aliases, all
/// separated by `|`.
pub(crate) const PLACES: &str = "\
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda|Antigua
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas|The Bahamas
Bahrain
Bangladesh
Barbados
Belarus|Byelorussia
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina|Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde|Cabo Verde
Central African Republic
Chad
Chile
China|PRC|People's Republic of China|Mainland China
Colombia
Comoros
Congo|Republic of the Congo|Republic of Congo|Congo-Brazzaville
Democratic Republic of the Congo|DR Congo|DRC|Democratic Republic of Congo|Congo-Kinshasa|Zaire
Costa Rica
Ivory Coast|Côte d'Ivoire
Croatia
Cuba
Cyprus|Northern Cyprus
Czech Republic|Czechia
Czechoslovakia
Denmark
Djibouti
Dominica
Dominican Republic
East Timor|Timor-Leste
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini|Swaziland
Ethiopia
Fiji
Finland
France
Gabon
Gambia|The Gambia
Georgia
Germany|West Germany|East Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland|Republic of Ireland|Eire
Israel
Italy
Jamaica
Japan
Jordan
Kazakhstan|Kazakstan
Kenya
Kiribati
Korea
Kosovo
Kuwait
Kyrgyzstan|Kirgizstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar|Burma
Namibia
Nauru
Nepal
Netherlands|Holland|The Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea|DPRK|N. Korea
North Macedonia|Macedonia
Norway
Oman
Pakistan
Palau
Palestine|Palestinian Territories|Occupied Territories
Panama
Papua New Guinea
Paraguay
Peru
Philippines|The Philippines
Poland
Portugal
Qatar
Romania
Russia|Russian Federation
Rwanda
Saint Kitts and Nevis|St Kitts and Nevis
Saint Lucia|St Lucia
Saint Vincent and the Grenadines
Samoa
San Marino
Sao Tome and Principe|São Tomé and Príncipe
Saudi Arabia
Senegal
Serbia
Serbia and Montenegro
Seychelles
Sierra Leone
Singapore
Slovakia|Slovak Republic
Slovenia
Solomon Islands
Somalia
Somaliland
South Africa
South Korea|Republic of Korea|S. Korea
South Sudan
Soviet Union|USSR
Spain
Sri Lanka|Ceylon
Sudan
Suriname|Surinam
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tonga
Trinidad and Tobago|Trinidad|Tobago
Tunisia
Turkey|Türkiye
Turkmenistan
Tuvalu
Uganda
Ukraine|The Ukraine
United Arab Emirates|UAE|U.A.E.
United Kingdom|UK|U.K.|Britain|Great Britain
United States|US|U.S.|USA|U.S.A.|United States of America|America
Uruguay
Uzbekistan
Vanuatu
Vatican|Vatican City|Holy See
Venezuela
Vietnam|Viet Nam
Western Sahara
Yemen
Yugoslavia
Zambia
Zimbabwe
Greenland
Puerto Rico
Guam
Bermuda
Cayman Islands
Gibraltar
Faroe Islands|Faroes
Falkland Islands|Falklands
New Caledonia
Tahiti
Aruba
Curacao
Isle of Man
Channel Islands
Guernsey
Jersey
Abkhazia
South Ossetia
Transnistria
England
Scotland
Wales
Northern Ireland|Ulster
Alabama|Ala
Alaska
Arizona|Ariz
Arkansas|Ark
California|Calif
Colorado|Colo
Connecticut|Conn
Delaware
Florida|Fla
Hawaii
Idaho
Illinois|Ill
Indiana
Iowa
Kansas|Kan
Kentucky|Ky
Louisiana
Maine
Maryland
Massachusetts
Michigan|Mich
Minnesota|Minn
Mississippi
Missouri
Montana
Nebraska|Neb
Nevada|Nev
New Hampshire
New Jersey
New Mexico
New York|New York City|NYC
North Carolina
North Dakota
Ohio
Oklahoma|Okla
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee|Tenn
Texas|Tex
Utah
Vermont
Virginia
Washington|Washington DC|Washington D.C.|Washington, D.C.|D.C.
West Virginia
Wisconsin|Wis
Wyoming|Wyo
Ontario
Quebec|Québec|Quebec City
British Columbia
Alberta
Manitoba
Saskatchewan
Nova Scotia
New Brunswick
Newfoundland|Newfoundland and Labrador
Prince Edward Island
Yukon
Nunavut
Northwest Territories
New South Wales
Queensland
Tasmania
Western Australia
South Australia
Northern Territory
Bavaria
Saxony
Hesse
Brandenburg
Baden-Württemberg
North Rhine-Westphalia
Lower Saxony
Schleswig-Holstein
Thuringia
Catalonia
Basque Country
Andalusia
Galicia
Canary Islands
Balearic Islands
Majorca|Mallorca
Ibiza
Flanders
Wallonia
Lombardy
Tuscany
Sicily
Sardinia
Corsica
Provence
Normandy
Brittany
Alsace
Yorkshire
Lancashire
Cornwall
Devon
Kent
Essex
Surrey
Sussex
Cumbria
Merseyside
Midlands|West Midlands|East Midlands
East Anglia
Highlands
Guangdong
Fujian
Zhejiang
Jiangsu
Shandong
Sichuan
Hubei
Hunan
Henan
Hebei
Yunnan
Guangxi
Shanxi
Shaanxi
Anhui
Jiangxi
Liaoning
Jilin
Heilongjiang
Inner Mongolia
Gansu
Qinghai
Ningxia
Hainan
Guizhou
Tibet
Xinjiang
Punjab
Sindh
Balochistan|Baluchistan
Waziristan
Khyber Pakhtunkhwa
Kerala
Gujarat
Maharashtra
Tamil Nadu
Karnataka
Uttar Pradesh
West Bengal
Bihar
Rajasthan
Assam
Kashmir|Jammu and Kashmir
Goa
Chechnya|Chechen Republic
Dagestan
Siberia
Tatarstan
Crimea
Donbas|Donbass
Kurdistan
Darfur
Tigray
Sinai|Sinai Peninsula
Golan Heights|Golan
Gaza|Gaza Strip
West Bank
East Jerusalem
Hong Kong|HK
Macau|Macao
Europe
Asia
Africa
Antarctica|Antarctic
Arctic
Oceania
Australasia
Eurasia
North America
South America
Latin America
Central America
Americas
Caribbean
Middle East|Mideast
Near East
Far East
Southeast Asia|South-East Asia|South East Asia
South Asia
East Asia
Central Asia
Asia-Pacific|Asia Pacific
Western Europe
Eastern Europe
Central Europe
Northern Europe
Southern Europe
Scandinavia
Balkans
Baltics|Baltic states
Caucasus|North Caucasus
Horn of Africa
Sub-Saharan Africa
West Africa
East Africa
North Africa
Southern Africa
Central Africa
Maghreb
Sahel
Sahara
Patagonia
Himalayas
Alps
Andes
Mediterranean
Atlantic|Atlantic Ocean
Pacific|Pacific Ocean
Indian Ocean
Persian Gulf
Gulf of Mexico
Gulf of Aden
Strait of Hormuz
Taiwan Strait
Red Sea
Black Sea
Baltic Sea
North Sea
Caspian Sea
Dead Sea
South China Sea
East China Sea
Sea of Japan
Arabian Sea
Korean Peninsula
Great Lakes
Nagorno-Karabakh|Karabakh
Mindanao
Gulf
West Coast
East Coast
Arabian Peninsula
Silicon Valley
Bay Area
Midwest
New England
Hollywood
Manhattan
Brooklyn
Bronx|The Bronx
Harlem
Long Island
Staten Island
Times Square
Tiananmen Square
City of London
Trafalgar Square
Westminster
Kabul
Tirana
Algiers
Luanda
Buenos Aires
Yerevan
Canberra
Vienna
Baku
Nassau
Manama
Dhaka|Dacca
Bridgetown
Minsk
Brussels
La Paz
Sarajevo
Gaborone
Brasilia|Brasília
Sofia
Ouagadougou
Bujumbura
Phnom Penh
Yaounde|Yaoundé
Ottawa
Bangui
N'Djamena
Santiago
Beijing|Peking
Bogota|Bogotá
Brazzaville
Kinshasa
San Jose|San José
Abidjan
Yamoussoukro
Zagreb
Havana
Nicosia
Prague
Copenhagen
Santo Domingo
Dili
Quito
Cairo
San Salvador
Asmara
Tallinn
Addis Ababa
Suva
Helsinki
Paris
Libreville
Banjul
Tbilisi
Berlin
Accra
Athens
Guatemala City
Conakry
Georgetown
Port-au-Prince
Tegucigalpa
Budapest
Reykjavik|Reykjavík
New Delhi
Delhi
Jakarta
Tehran|Teheran
Baghdad
Dublin
Jerusalem
Rome
Kingston
Tokyo
Amman
Astana|Nur-Sultan
Nairobi
Pristina
Kuwait City
Bishkek
Vientiane
Riga
Beirut
Maseru
Monrovia
Tripoli
Vilnius
Antananarivo
Lilongwe
Kuala Lumpur
Bamako
Valletta
Nouakchott
Port Louis
Mexico City
Chisinau|Chişinău|Kishinev
Ulaanbaatar|Ulan Bator
Podgorica
Rabat
Maputo
Naypyidaw|Naypyitaw
Yangon|Rangoon
Windhoek
Kathmandu
Amsterdam
The Hague
Wellington
Managua
Niamey
Abuja
Pyongyang
Skopje
Oslo
Muscat
Islamabad
Panama City
Port Moresby
Asuncion|Asunción
Lima
Manila
Warsaw
Lisbon
Doha
Bucharest
Moscow
Kigali
Riyadh
Dakar
Belgrade
Freetown
Bratislava
Ljubljana
Mogadishu
Pretoria
Johannesburg
Cape Town
Seoul
Juba
Madrid
Colombo
Khartoum
Paramaribo
Stockholm
Bern|Berne
Damascus
Taipei
Dushanbe
Dodoma
Dar es Salaam
Bangkok
Lome|Lomé
Port of Spain
Tunis
Ankara
Ashgabat
Kampala
Kyiv|Kiev
Abu Dhabi
Dubai
London
Montevideo
Tashkent
Caracas
Hanoi
Sanaa|Sana'a
Lusaka
Harare
Los Angeles|LA
Chicago
Houston
Phoenix
Philadelphia
San Antonio
San Diego
Dallas
Austin
Jacksonville
San Francisco
Columbus
Indianapolis
Seattle
Denver
Boston
El Paso
Detroit
Nashville
Memphis
Portland
Oklahoma City
Las Vegas|Vegas
Louisville
Baltimore
Milwaukee
Albuquerque
Tucson
Sacramento
Kansas City
Atlanta
Miami
Omaha
Minneapolis
Cleveland
Oakland
Tampa
New Orleans
Honolulu
Anchorage
Pittsburgh
Cincinnati
St Louis|St. Louis|Saint Louis
Orlando
Salt Lake City
Buffalo
Newark
Jersey City
Atlantic City
Hartford
Richmond
Palo Alto
Cupertino
Toronto
Montreal|Montréal
Vancouver
Calgary
Edmonton
Winnipeg
Halifax
Guadalajara
Monterrey
Tijuana
Ciudad Juarez|Ciudad Juárez
Cancun|Cancún
Acapulco
Sao Paulo|São Paulo
Rio de Janeiro
Belo Horizonte
Porto Alegre
Recife
Manaus
Medellin|Medellín
Cali
Cartagena
Guayaquil
Rosario
Cordoba|Córdoba
Valparaiso|Valparaíso
Cusco|Cuzco
Maracaibo
San Juan
Manchester
Birmingham
Liverpool
Leeds
Sheffield
Bristol
Newcastle
Nottingham
Leicester
Southampton
Portsmouth
Brighton
Oxford
Cambridge
Glasgow
Edinburgh
Aberdeen
Dundee
Cardiff
Swansea
Belfast
Londonderry|Derry
Coventry
Bradford
Plymouth
York
Wolverhampton
Sunderland
Middlesbrough
Norwich
Exeter
Ipswich
Blackpool
Dover
Canterbury
Heathrow
Gatwick
Cork
Galway
Limerick
Marseille|Marseilles
Lyon|Lyons
Toulouse
Nantes
Strasbourg
Montpellier
Bordeaux
Lille
Rennes
Cannes
Calais
Versailles
Hamburg
Munich|München
Cologne|Köln
Frankfurt
Stuttgart
Düsseldorf
Dortmund
Essen
Leipzig
Bremen
Dresden
Hanover|Hannover
Nuremberg|Nürnberg
Bonn
Milan|Milano
Naples|Napoli
Turin|Torino
Palermo
Genoa
Bologna
Florence|Firenze
Venice
Verona
Barcelona
Valencia
Seville|Sevilla
Zaragoza
Malaga|Málaga
Bilbao
Porto|Oporto
Rotterdam
Utrecht
Eindhoven
Antwerp
Ghent
Bruges
Liege|Liège
Zurich|Zürich
Geneva
Basel
Lausanne
Davos
Salzburg
Innsbruck
Graz
Gothenburg
Malmo|Malmö
Bergen
Aarhus
Krakow|Kraków|Cracow
Gdansk|Gdańsk
Wroclaw|Wrocław
Lodz|Łódź
Brno
Thessaloniki
Crete
Istanbul
Izmir
Antalya
St Petersburg|St. Petersburg|Saint Petersburg|Leningrad
Novosibirsk
Yekaterinburg
Kazan
Vladivostok
Sochi
Murmansk
Kaliningrad
Grozny
Volgograd
Nizhny Novgorod
Chelyabinsk
Omsk
Samara
Rostov-on-Don|Rostov
Kharkiv|Kharkov
Odesa|Odessa
Lviv
Dnipro
Donetsk
Luhansk|Lugansk
Mariupol
Zaporizhzhia
Kherson
Bakhmut
Sevastopol
Tel Aviv
Haifa
Ramallah
Hebron
Nablus
Jenin
Bethlehem
Nazareth
Rafah
Khan Younis
Aleppo
Homs
Idlib
Raqqa
Basra
Mosul
Fallujah
Kirkuk
Erbil|Arbil|Irbil
Najaf
Karbala
Tikrit
Isfahan
Mashhad
Tabriz
Shiraz
Qom
Jeddah
Mecca|Makkah
Medina
Sharjah
Aden
Benghazi
Alexandria
Giza
Luxor
Sharm el-Sheikh
Casablanca
Marrakesh|Marrakech
Tangier
Mumbai|Bombay
Kolkata|Calcutta
Chennai|Madras
Bangalore|Bengaluru
Hyderabad
Ahmedabad
Pune
Jaipur
Lucknow
Karachi
Lahore
Peshawar
Rawalpindi
Quetta
Kandahar
Herat
Mazar-i-Sharif
Chittagong
Srinagar
Shanghai
Guangzhou|Canton
Shenzhen
Tianjin
Chongqing
Chengdu
Wuhan
Nanjing
Hangzhou
Xi'an
Suzhou
Qingdao
Dalian
Shenyang
Harbin
Kunming
Xiamen
Ningbo
Lhasa
Urumqi
Kaohsiung
Osaka
Kyoto
Yokohama
Nagoya
Kobe
Sapporo
Fukuoka
Hiroshima
Nagasaki
Okinawa
Fukushima
Busan|Pusan
Incheon
Daegu
Ho Chi Minh City|Saigon
Da Nang
Chiang Mai
Phuket
Penang
Bali
Surabaya
Bandung
Cebu
Davao
Mandalay
Sydney
Melbourne
Brisbane
Perth
Adelaide
Hobart
Auckland
Christchurch
Gold Coast
Lagos
Kano
Ibadan
Port Harcourt
Durban
Soweto
Mombasa
Kisumu
Zanzibar
Timbuktu
Goma
Lubumbashi
Monte Carlo
Wuxi
Groningen
Freiburg
Northampton
Stirling
Rochester
New Haven
Arlington
La Coruna|A Coruña|La Coruña
Santiago de Cuba
Cochabamba
Santa Cruz
Michoacan|Michoacán
Lockerbie
Wigan
Chesterfield
Tuzla
Mostar
Srebrenica
Banja Luka
Dubrovnik
Novi Sad
Timisoara|Timișoara
Cluj-Napoca|Cluj
Iasi|Iași
Constanta|Constanța
Varna
Plovdiv
Debrecen
Kosice|Košice
Ostrava
Tartu
Kaunas
Tampere
Turku
Uppsala
Trondheim
Stavanger
Odense
";

/// Demonyms and other nationality or group adjectives. They are never
/// places and never part of a person's name. Plurals are accepted by
/// [`Gazetteer::is_demonym`] without being listed.
pub(crate) const DEMONYMS: &str = "\
afghan albanian algerian american andorran angolan argentine argentinian armenian
australian austrian azerbaijani azeri bahamian bahraini bangladeshi barbadian
belarusian belarussian belgian belizean beninese bhutanese bolivian bosnian
brazilian british briton brit bruneian bulgarian burkinabe burmese burundian
cambodian cameroonian canadian chadian chilean chinese colombian congolese
croatian croat cuban cypriot czech danish dane djiboutian dominican dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian fijian filipino
finnish finn french gabonese gambian georgian german ghanaian greek guatemalan
guinean guyanese haitian honduran hungarian icelandic indian indonesian iranian
iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan
korean kosovan kosovar kuwaiti kyrgyz lao laotian latvian lebanese liberian
libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian
malian maltese mauritanian mexican moldovan mongolian montenegrin moroccan
mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani
pakistani palestinian panamanian paraguayan peruvian polish pole portuguese
qatari romanian russian rwandan salvadoran saudi scottish scot scots senegalese
serbian serb singaporean slovak slovakian slovenian slovene somali spanish
spaniard sudanese swedish swede swiss syrian taiwanese tajik tanzanian thai
togolese tunisian turkish turk turkmen ugandan ukrainian uruguayan uzbek
venezuelan vietnamese welsh yemeni zambian zimbabwean arab arabian asian african
european latin hispanic latino latina western eastern northern southern soviet
yugoslav kurdish kurd persian tibetan uighur uyghur chechen pashtun baloch tamil
sikh hindu muslim moslem islamic islamist jewish jew catholic protestant
orthodox sunni shia shiite shi'ite druze alawite buddhist anglo sino indo afro
euro scandinavian nordic baltic caribbean mediterranean atlantic transatlantic
californian texan floridian hawaiian alaskan canadian quebecois parisian
londoner muscovite berliner bavarian catalan basque corsican
sicilian flemish walloon deutsche deutsch cantonese mandarin hebrew yiddish gaelic celtic
commonwealth gulf pan pacific himalayan balkan caucasian slavic slav
";

/// Normalises a place name (or a stretch of text that may be one) for
/// lookup: folds accented Latin letters to ASCII, curly apostrophes to `'`,
/// hyphen-like dashes to `-` and every run of white space to one space.
///
/// `out` is cleared first; case is kept.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            _ => match fold_char(c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            },
        }
    }
}

/// The ASCII spelling of an accented Latin letter, if it is one.
fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' | 'ľ' => "l",
        'Ł' | 'Ľ' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

/// The leading run of alphanumeric characters of a normalised key: the part
/// every token that can start the key shares (`U` for `U.S.`, `St` for
/// `St. Louis`, `N` for `N'Djamena`).
fn stem(key: &str) -> &str {
    let end = key
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(key.len(), |(i, _)| i);
    &key[..end]
}

/// How many words a normalised key spans for the extractor's tokenizer:
/// pieces between spaces and hyphens that hold a letter or digit.
fn word_count(key: &str) -> usize {
    key.split([' ', '-'])
        .filter(|piece| piece.chars().any(char::is_alphanumeric))
        .count()
}

/// The embedded place list, ready for lookups.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Normalised written form -> canonical name.
    exact: HashMap<String, &'static str>,
    /// Lowercase normalised written form -> canonical name (all-caps text).
    caseless: HashMap<String, &'static str>,
    /// Stem of the first word -> most words of any key with that stem.
    stems: HashMap<String, usize>,
    /// Lowercase stem -> most words, for the caseless table.
    stems_caseless: HashMap<String, usize>,
    /// Lowercase demonyms.
    demonyms: HashSet<&'static str>,
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

impl Gazetteer {
    /// Builds the lookup tables from the embedded lists (a few thousand
    /// entries; cheap, but meant to be done once).
    pub fn new() -> Gazetteer {
        let mut gazetteer = Gazetteer {
            exact: HashMap::default(),
            caseless: HashMap::default(),
            stems: HashMap::default(),
            stems_caseless: HashMap::default(),
            demonyms: DEMONYMS.split_whitespace().collect(),
        };
        let mut key = String::new();
        for line in PLACES.lines().filter(|l| !l.trim().is_empty()) {
            let mut names = line.split('|');
            let Some(canonical) = names.next() else {
                continue;
            };
            for name in std::iter::once(canonical).chain(names) {
                normalize_into(name, &mut key);
                gazetteer.add(&key, canonical);
                // "The Hague" stays whole, but "The Netherlands" is also
                // found as "Netherlands" (the extractor never starts a match
                // on a capitalised "The").
                if let Some(rest) = key.strip_prefix("The ")
                    && !canonical.starts_with("The ")
                {
                    let rest = rest.to_string();
                    gazetteer.add(&rest, canonical);
                }
            }
        }
        gazetteer
    }

    fn add(&mut self, key: &str, canonical: &'static str) {
        let words = word_count(key);
        self.exact.entry(key.to_string()).or_insert(canonical);
        let lower = key.to_lowercase();
        self.caseless.entry(lower.clone()).or_insert(canonical);
        let slot = self.stems.entry(stem(key).to_string()).or_insert(0);
        *slot = (*slot).max(words);
        let slot = self
            .stems_caseless
            .entry(stem(&lower).to_string())
            .or_insert(0);
        *slot = (*slot).max(words);
    }

    /// The canonical place for a normalised written form, matched with its
    /// exact capitalisation (`lookup("U.S.") == Some("United States")`).
    pub fn lookup(&self, key: &str) -> Option<&'static str> {
        self.exact.get(key).copied()
    }

    /// Like [`Gazetteer::lookup`], but `key` must be lowercase and matches
    /// any capitalisation (for all-caps text).
    pub fn lookup_caseless(&self, key: &str) -> Option<&'static str> {
        self.caseless.get(key).copied()
    }

    /// The most words a place can span when it starts with a word whose
    /// alphanumeric stem is `stem` (normalised; lowercase when `caseless`),
    /// or 0 when no place starts that way.
    pub fn max_words(&self, stem: &str, caseless: bool) -> usize {
        let table = if caseless {
            &self.stems_caseless
        } else {
            &self.stems
        };
        table.get(stem).copied().unwrap_or(0)
    }

    /// Whether a lowercase word is a demonym or group adjective (`chinese`,
    /// `russians`, `sino`); such words are neither places nor names.
    pub fn is_demonym(&self, lower: &str) -> bool {
        if self.demonyms.contains(lower) {
            return true;
        }
        lower
            .strip_suffix('s')
            .is_some_and(|singular| self.demonyms.contains(singular))
    }

    /// Every canonical place name (deduplicated, unordered).
    pub fn canonical_names(&self) -> HashSet<&'static str> {
        self.exact.values().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(g: &Gazetteer, text: &str) -> Option<&'static str> {
        let mut key = String::new();
        normalize_into(text, &mut key);
        g.lookup(&key)
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        let g = Gazetteer::new();
        let table = [
            ("US", Some("United States")),
            ("U.S.", Some("United States")),
            ("USA", Some("United States")),
            ("America", Some("United States")),
            ("United States", Some("United States")),
            ("UK", Some("United Kingdom")),
            ("Britain", Some("United Kingdom")),
            ("Great Britain", Some("United Kingdom")),
            ("Russian Federation", Some("Russia")),
            ("PRC", Some("China")),
            ("Peking", Some("Beijing")),
            ("Kiev", Some("Kyiv")),
            ("Bogotá", Some("Bogota")),
            ("Bogota", Some("Bogota")),
            ("Côte d’Ivoire", Some("Ivory Coast")),
            ("Netherlands", Some("Netherlands")),
            ("The Hague", Some("The Hague")),
            ("Hague", None),
            ("St. Petersburg", Some("St Petersburg")),
            ("Middle East", Some("Middle East")),
            ("Guinea-Bissau", Some("Guinea-Bissau")),
            ("Chinese", None),
            ("us", None),
        ];
        for (text, want) in table {
            assert_eq!(find(&g, text), want, "{text}");
        }
    }

    #[test]
    fn caseless_table_serves_all_caps_text() {
        let g = Gazetteer::new();
        assert_eq!(g.lookup_caseless("london"), Some("London"));
        assert_eq!(g.lookup_caseless("new york"), Some("New York"));
        assert_eq!(g.max_words("london", true), 1);
    }

    #[test]
    fn stems_and_word_counts() {
        let g = Gazetteer::new();
        assert!(g.max_words("New", false) >= 2);
        assert!(g.max_words("U", false) >= 1);
        assert_eq!(g.max_words("Xyzzy", false), 0);
        assert_eq!(word_count("St. Petersburg"), 2);
        assert_eq!(word_count("Washington, D.C."), 2);
        assert_eq!(word_count("Guinea-Bissau"), 2);
        assert_eq!(stem("U.S."), "U");
    }

    #[test]
    fn demonyms_are_not_places() {
        let g = Gazetteer::new();
        for word in ["chinese", "russian", "russians", "americans", "sino"] {
            assert!(g.is_demonym(word), "{word}");
            assert_eq!(g.lookup_caseless(word), None, "{word}");
        }
        assert!(!g.is_demonym("putin"));
    }

    #[test]
    fn list_is_large_and_keys_are_unambiguous() {
        let g = Gazetteer::new();
        assert!(g.canonical_names().len() > 600);
        // Each line's keys must not collide with another line's keys.
        let mut seen: HashMap<String, &str> = HashMap::default();
        let mut key = String::new();
        for line in PLACES.lines() {
            let canonical = line.split('|').next().unwrap_or_default();
            for name in line.split('|') {
                normalize_into(name, &mut key);
                if let Some(prev) = seen.insert(key.clone(), canonical) {
                    assert_eq!(prev, canonical, "{key} is listed twice");
                }
            }
        }
    }
}
