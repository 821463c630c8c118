# Hand labels, keyed by selection index (0-based line in selection.jsonl). Labels only, no text.
L = {}
L[0] = dict(people=["Rahami", "Amarjit Singh", "Singh"],
            places=["Quetta", "Karachi", "Pakistan", "New Jersey", "Newark"])
L[1] = dict(people=["Drew Gilpin Faust", "Brandon Busteed"],
            places=["U.S."])
L[2] = dict(party_tag_places=["CO"], people=["Paul Ryan", "Tom Tancredo", "Tancredo", "Ryan", "Obama", "Donald Trump", "Trump",
                    "Mitch McConnell", "Hillary"],
            places=["U.S.", "Mexico", "CO"])
L[3] = dict(people=["PAUL", "Obama", "Rand Paul"],
            places=["United States", "Washington", "America", "Kentucky"])
L[4] = dict(people=["Dick Morris", "Reince Priebus", "Preibus", "Morris", "Priebus", "Ryan Mahoney", "Mitt Romney",
                    "Obama", "Romney"],
            places=["New York City", "United States", "America", "U.S."])
L[5] = dict(people=["Marco Rubio", "Bobby Jindal", "Paul Ryan", "Jindal", "Rubio", "Ryan", "Rand Paul", "Ron Paul",
                    "Paul", "Chris Christie", "Barack Obama", "Christie"],
            places=["Louisiana", "Iowa", "New Jersey", "Fla.", "Wis.", "Ky.", "Texas"],
            party_tag_places=["Fla.", "Wis.", "Ky.", "Texas"])
L[6] = dict(people=["Trump", "Martin S. Indyk", "Jared Kushner", "Kushner", "Jason D. Greenblatt", "Sheldon Adelson",
                    "Adelson", "Klein"],
            places=["U.S.", "Jerusalem", "Israel", "Middle East", "Tel Aviv", "United States"])
L[7] = dict(people=["Trump", "Don Lemon", "Jim Acosta", "Acosta", "Clinton"],
            places=["Houston", "Germany", "Europe", "U.S.", "California", "Alaska", "Hawaii", "Mexico", "Canada"])
L[8] = dict(people=["Trump", "Ariane Kunze", "Donald Trump", "Norman Rockwell", "Andrew Redlawsk", "Sophia Buono"],
            places=["America", "Iowa", "Washington", "DC"])
L[9] = dict(people=["Trump", "Nancy Pelosi", "Pelosi", "Tim Mach", "Mitch McConnell", "Chuck Schumer", "Mike Pence",
                    "Pence"],
            places=["KY", "NY"], party_tag_places=["KY", "NY"])
L[10] = dict(people=["Trump", "Mike Pompeo", "Steve Mnuchin", "Chuck Schumer", "Bob Menendez", "Sherrod Brown", "Putin",
                     "Mnuchin", "Pompeo", "Emma Loop", "Adam Schiff", "Bernie Sanders", "Mitch McConnell", "Mike Crapo"],
             places=["Russia", "Russian federation", "U.S.", "NY", "Ohio", "Calif.", "Vt.", "Ky.", "Idaho"],
             party_tag_places=["NY", "Ohio", "Calif.", "Vt.", "Ky.", "Idaho"])
L[11] = dict(people=["Francis", "Jorge Mario Bergoglio", "Jo"],
             places=["Vatican", "Latin America"])
L[12] = dict(people=["Elizabeth Warren", "Pete Marovic", "Coretta Scott King", "Martin Luther King Jr.", "Warren",
                     "Scott King", "King", "Reagan", "Jeff Sessions", "Sessions", "Trump", "Mitch McConnell", "McConnell",
                     "Steve Daines", "Daines", "Edward Kennedy", "Kennedy"],
             places=["Mass.", "Alabama", "U.S.", "Mont.", "Massachusetts"],
             party_tag_places=["Mass.", "Mont."])
L[13] = dict(people=["Romney", "Obama", "Paul Ryan", "Ryan", "Joe Biden", "Biden", "Mitt Romney", "Danny Kanner",
                     "Barack Obama", "Joy Lin"],
             facility_places=["Camp David"], places=["America", "Belmont", "Ohio", "Moon Township", "Pa.", "Pittsburgh", "Boca Raton", "Fla.", "Florida",
                     "Orlando", "St. Augustine", "Camp David", "Maryland", "Catoctin Mountains", "Del Ray",
                     "Daytona Beach", "Wisconsin", "Milwaukee"])
L[14] = dict(people=["Trump", "Cyrus Vance", "Donald Trump", "Stormy Daniels", "Daniels", "Amy Klobuchar", "Julián Castro",
                     "Barack Obama", "Michael Cohen", "Cohen", "Vance", "Marc Mukasey", "Steven Rosenthal"],
             places=["New York", "Manhattan", "US", "Minnesota", "Washington"])
L[15] = dict(people=["Rand Paul", "Paul", "Candy Crowley", "Mitch McConnell", "Barack Obama", "Obama", "Hillary Clinton",
                     "Clinton"],
             places=["Kentucky", "Ohio", "U.S.", "Benghazi", "Libya", "New Hampshire"])
L[16] = dict(people=["J. Scott Applewhite", "Mark Kirk", "Kirk", "Richard Nugent", "Harry Reid", "Reid", "John Boehner",
                     "Boehner"],
             places=["Illinois", "Florida"])
L[17] = dict(people=["Admild", "Yudanys", "Kanate", "Trump"],
             places=["Haiti", "Louisiana", "Port-au-Prince", "United States", "India", "Guatemala", "El Salvador",
                     "Kyrgyzstan", "Pennsylvania", "Texas", "Honduras"])
L[18] = dict(people=["Rove", "Obama", "James Rosen", "Hillary Clinton", "Karl Rove", "Barack Obama", "George W. Bush",
                     "Bush", "Christopher Stevens", "Susan Rice", "Leon Panetta", "Martin Dempsey"],
             places=["Benghazi", "U.S.", "Libya", "Washington"])
L[19] = dict(people=["John Bacon", "Robert McCulloch", "Jeffrey Williams", "McCulloch", "Williams", "Derrick Robinson",
                     "Michael Brown", "Eric Holder", "Holder", "Obama", "Donna Leinwand Leger"],
             places=["Ferguson", "Mo.", "St. Louis", "St. Louis County", "Webster Groves"])
L[20] = dict(people=["John Bacon", "Vladimir Putin", "Svetlana Petrenko", "Maksim Sokolov", "Andrei Odintsov",
                     "Dmitry Peskov"],
             facility_places=["Domodedovo Airport"], places=["Moscow", "Domodedovo Airport", "Russia", "Stepanovskoye", "Orsk", "Ramenskoye", "Switzerland",
                     "Azerbaijan", "Kazakhstan", "Syria", "Sochi", "Black Sea", "United States"])
L[21] = dict(people=["Menendez", "Robert Menendez", "Harry Reid", "Reid", "Jahan Wilcox", "Salomon Melgen",
                     "Michael Bennet", "Joe Sestak", "Chris Van Hollen", "Adam Jentleson"],
             places=["Nevada", "Florida", "Colorado", "Pennsylvania", "Maryland", "Washington"])
L[22] = dict(people=["Lupe Valdez", "Valdez", "Moses Walker", "Moses", "Wayne Walker", "Jennifer Loudon", "Thor Soderberg",
                     "Rich Roberts", "Michael Brown", "Trayvon Martin", "Eric Garner", "Sandra Bland", "John McNesby",
                     "McNesby", "Clinton"],
             places=["Philadelphia", "Dallas County", "America", "Wells Fargo Center", "Chicago", "Ferguson", "Mo.",
                     "Staten Island", "Waller County", "Texas", "San Diego", "Dallas", "Baton Rouge"],
             facility_places=["Wells Fargo Center"])
L[23] = dict(people=["Obama", "John Kerry", "Josh Earnest", "John Kirby", "Earnest", "Kirby", "Kerry", "Marie Harf",
                     "John McCain", "McCain", "Michael McCaul"],
             places=["US", "United States", "U.S.", "Middle East", "Iraq", "Syria", "Afghanistan", "Capitol Hill",
                     "Arizona", "Texas"],
             party_tag_places=["Texas"])
L[24] = dict(people=["Tim Kaine", "Mark Warner", "David Perdue", "Johnny Isakson", "Kathleen Turner", "Perdue", "Isakson",
                     "Kaine", "Warner", "Greene", "Green"],
             places=["U.S.", "Virginia", "Georgia", "Texas", "Kentucky", "New York", "Fort Benning", "Fort Belvoir"],
             facility_places=["Fort Benning", "Fort Belvoir"])
L[25] = dict(people=["Nancy Pelosi", "Mike Thompson", "Gabby Gifford", "Gifford", "Thompson", "Peter King",
                     "Donald Trump", "Gabby Giffords", "Pelosi", "King"],
             places=["Calif.", "Tucson", "Arizona", "N.Y.", "Sandy Hook", "America"],
             party_tag_places=["Calif.", "N.Y."])
L[26] = dict(people=["Abraham Lincoln", "Martin Luther King Jr.", "George Floyd", "Trump", "Paris Dennard", "Dennard",
                     "Jack Dorsey"],
             places=["Galveston", "Texas", "U.S.", "District of Columbia", "Minneapolis", "Tulsa", "Oklahoma",
                     "Greenwood", "America"])
L[27] = dict(people=["Pelosi", "Trump", "McConnell", "Donald Trump", "Mitch McConnell", "Tom Brenner", "Roy Blunt",
                     "Mitt Romney", "Susan Collins", "Collins", "Bill Clinton", "Nancy Pelosi", "Joe Biden"],
             places=["WASHINGTON", "KY", "Capitol Hill", "Washington", "U.S.", "Ukraine"],
             party_tag_places=["KY"])
L[28] = dict(people=["Alexandria Ocasio-Cortez", "Ocasio-Cortez", "Nancy Pelosi", "Pelosi", "Corbin Trent"],
             places=["N.Y.", "Calif."], party_tag_places=["N.Y.", "Calif."])
L[29] = dict(people=["Trump", "Pence", "Chuck Todd", "Obama", "Tom Coburn"],
             places=["Oklahoma", "Washington"])
L[30] = dict(people=["Rick Santorum", "Carly Fiorina", "Santorum", "Rudy Giuliani", "Phil Gramm", "Fiorina",
                     "Hillary Clinton", "Scott Walker"],
             places=["Iowa", "United States", "New Hampshire", "Oklahoma", "Wisconsin"])
L[31] = dict(people=["Nasr al-Ansi", "Al-Ansi", "Saïd Kouachi", "Obama", "Kouachi", "Mohammed", "Conn"],
             places=["Yemen", "Paris", "France", "Somalia", "United States", "Iraq", "Afghanistan", "America"])
L[32] = dict(people=["Donald Trump", "Ted Cruz", "John Kasich", "Trump", "Kasich", "Cruz", "Lincoln", "Eisenhower",
                     "Nixon", "Reagan", "Hillary Clinton", "Clinton", "Bernie Sanders", "Sanders", "Michael A. Cohen"],
             places=["Cleveland", "Ohio", "Northeast", "Delaware", "Rhode Island", "Pennsylvania", "Maryland",
                     "Connecticut", "America", "West Virginia"])
L[33] = dict(people=["Barack Obama", "Vladimir Putin", "Mikhail Khodorkovsky", "Putin", "Khodorkovsky", "Obama",
                     "Alexei Navalny", "Jon Kyl"],
             places=["U.S.", "Russia", "United States", "St. Petersburg", "Arizona"])
L[34] = dict(people=["Baghdadi", "Abu Bakr al-Baghdadi", "Kayla Mueller", "Mueller", "Robert O'Brien", "O'Brien",
                     "al-Baghdadi", "Carl Mueller", "Donald Trump", "Mohammed Emwazias", "Jihadi John", "Emwazias",
                     "Daniel Rye", "Rye", "Kayla", "Obama", "Trump", "Marsha Mueller"],
             places=["JERUSALEM", "Israel", "US", "Aleppo", "Syria", "Denmark"])
L[35] = dict(people=["John Avlon", "Tucker Carlson", "Tammy Duckworth", "Donald Trump", "Avlon", "Carlson", "JOHN AVLON",
                     "Biden", "Trump", "Duckworth", "Tucker", "Dana Bash", "DANA BASH", "George Washington",
                     "TAMMY DUCKWORTH", "DUCKWORTH", "AVLON", "CARLSON"],
             places=["Illinois", "Mt. Rushmore", "U.S.", "IL", "Rushmore", "Russia", "America"],
             party_tag_places=["IL"])
L[36] = dict(people=["Trump", "Donald Trump", "Ryan Zinke", "Zinke", "Enrique Pena Nieto", "Pena", "Jake Sherman",
                     "Mitch McConnell", "Paul Ryan", "Ryan", "Cory Gardner", "Lindsey Graham", "Lisa Murkowski",
                     "James Lankford"],
             places=["Mexico", "Rio Grande", "Mexico City", "Washington", "Capitol Hill", "Colorado", "South Carolina",
                     "Alaska", "Oklahoma"])
L[37] = dict(people=["Lisa Slifer", "Slifer", "Kara", "Lisa", "Martin O'Malley", "Anne Stauffer", "Paul Krugman",
                     "Krugman", "Newt Gingrich"],
             places=["Washington", "Maryland", "Capitol Hill"])
L[38] = dict(people=["Mark Hiznay", "Petro Poroshenko", "Gerhard Schindler"],
             places=["Ukraine", "New York", "Donetsk", "Moscow", "Russia", "US", "Germany"])
L[39] = dict(people=[],
             places=["Missouri River", "U.S.", "Lake Oahe", "Cannonball River", "Standing Rock Sioux Reservation",
                     "North Dakota", "Bakken", "Illinois", "Canada"])
L[40] = dict(people=["DeSantis", "Rebekah Jones", "Lawrence O'Donnell", "Jones", "Ron DeSantis", "Scott Pritchard",
                     "Pritchard", "Greg Abbott", "Abbott"],
             places=["Florida", "U.S.", "Pembroke", "Fla.", "Texas", "Arizona", "Georgia", "Louisiana", "South Carolina",
                     "Bahrain"])
L[41] = dict(people=["Donald Trump", "Hillary Clinton", "Yoel Roth", "Roth", "Trump", "Clinton", "Jon Levine",
                     "Kellyanne Conway", "Joseph Goebbels", "Kellyanne"],
             places=["Valencia St.", "San Francisco"])
L[42] = dict(people=["Tucker Carlson", "Tucker", "Matt Gaetz", "Carlson", "Gaetz", "Brigitte Gabriel", "Jenna Ellis",
                     "Burgess Owens", "David Reaboi", "Justin Baragona", "Baragona", "Richard Marx", "George Takei",
                     "Sulu", "David Weissman", "tucker carlson", "Molly Jong-Fast", "Lauren Duca", "Ian Miles Cheong",
                     "Mike Sievert"],
             places=["Florida"])
L[43] = dict(people=["Obama", "Andrew Cuomo", "Chris Christie", "Pat Quinn", "Rick Scott", "Scott", "Anthony Fauci", "Fauci",
                     "Samantha Power", "Power", "Craig Spencer", "Christie", "Cuomo", "Kaci Hickox", "Hickox",
                     "Stacie Newton"],
             places=["US", "West Africa", "New York", "New Jersey", "Illinois", "Sierra Leone", "Guinea", "Liberia",
                     "Florida", "America", "Africa", "New York City", "Newark"])
L[44] = dict(people=["Giuliani", "Biden", "Lev Parnas", "Timothy A. Clary", "Rudy Giuliani", "Joe Biden", "Trump", "Parnas",
                     "John Dowd", "Dowd", "Mueller", "Igor Fruman", "Rudy", "Jay Sekulow", "Fruman", "Bidens",
                     "Marie L. Yovanovitch"],
             places=["Ukraine", "United States"])
L[45] = dict(people=["Trump", "Nikki Haley", "Haley", "Pence", "Steve Schmidt", "H.R. McMaster",
                     "McMaster", "Emmanuel Macron", "Benjamin Netanyahu", "António Guterres", "Shinzo Abe", "Moon Jae-In",
                     "Vladimir Putin", "Xi Jinping"],
             places=["U.S.", "New York", "North Korea", "Pyongyang", "North", "Iran", "Middle East", "Russia"])
L[46] = dict(people=["Kamala Harris", "Harris", "Kelly Mehlenbacher", "Mehlenbacher", "Hillary", "Clinton",
                     "Michael Bloomberg"],
             places=["Iowa", "New Hampshire", "Baltimore", "Oakland"])
L[47] = dict(people=["Trump", "Mike Pence", "Donald Trump Jr.", "Warren", "Buttigieg", "Kris Kobach", "Hillary Clinton",
                     "Pelosi"],
             places=["Kansas", "U.S.", "New Hampshire", "Louisiana"])
L[48] = dict(people=["Jayme Closs", "Jake Thomas Patterson", "Patterson", "Jayme", "Chris Fitzgerald", "Fitzgerald",
                     "Sue Allard", "Allard", "Justin Tolomeo", "Tolomeo"],
             places=["Wisconsin", "Barron", "Milwaukee"])
L[49] = dict(people=["Bernie Sanders", "Hillary Clinton", "Clinton", "Sanders", "Hillary"],
             places=["America", "Wall Street", "Washington"])
L[50] = dict(people=["Obama", "John Gress", "Donald Trump", "Bernie Sanders", "Barack Obama", "James Baker", "Aristotle"],
             places=["America", "North"])
L[51] = dict(people=[], places=["U.S."])
L[52] = dict(people=["Katie Couric", "David Allison", "Allison", "Couric", "Lisa Gable", "Gable"],
             places=[])
L[53] = dict(people=["Obama", "Scalia", "Antonin Scalia", "Mitch McConnell", "Samuel Alito", "Alito"],
             places=["Washington", "America"])
L[54] = dict(people=["John McCain", "McCain", "Jeanne Shaheen", "Shaheen"],
             places=["Arizona", "AZ", "N.H.", "Ariz."], party_tag_places=["AZ", "N.H.", "Ariz."])
L[55] = dict(people=["Trump", "Jackie", "Donald Trump", "Ted Cruz", "John F. Kennedy", "Mike Nifong", "Barack Obama",
                     "Ben Carson"],
             places=["America", "Central Park", "New Jersey"])
L[56] = dict(people=["Bush", "Rubio", "Rick Perry", "Herman Cain", "Newt Gingrich", "Mitt Romney", "Romney", "Jeb Bush",
                     "Marco Rubio", "Michael Bender", "Bender", "Rudy Giuliani", "Mike Huckabee", "Rick Santorum",
                     "Donald Trump", "Ben Carson", "Carly Fiorina", "Ted Cruz", "John Kasich", "John Kerry"],
             places=["Iowa", "New Hampshire", "Granite State", "South Carolina", "Florida"])
L[57] = dict(people=["Stephen Breyer", "Andrew Jackson", "Harriet Tubman", "Simone Biles", "Aly Raisman", "Gabby Douglas",
                     "Laurie Hernandez", "Madison Kocian", "Victor Laszlo", "Kent Hovind", "Hovind", "Ken Ham", "Ham",
                     "Noah"],
             places=["District of Columbia", "New York City", "Washington", "Arizona", "California", "D.C.", "Alaska",
                     "Arkansas", "Florida", "Colorado", "Connecticut", "Hawai’i", "Maine", "Maryland", "Massachusetts",
                     "Michigan", "Missouri", "Montana", "New Jersey", "New York", "Ohio", "South Dakota", "Vermont",
                     "U.S.", "Texas", "Sri Lanka", "U.S", "Guinea", "Guinea-Bissau", "Mali", "Mauritania"])
L[58] = dict(people=["Barack Obama", "Obama", "Aboyahiye", "Alaliby", "Tom Fitton", "Michael Morell", "Bret Baier",
                     "Hillary Clinton", "Rand Paul", "Thomas B. Gibbons", "Morell", "James Clapper", "Mac Thornberry"],
             places=["Libya", "Syria", "Benghazi", "US", "Pakistan", "World Trade Center", "Iraq", "Mosul", "Ramadi",
                     "Port of Benghazi", "Port of Banias", "Port of Borj Islam", "United States", "Turkey", "U.S.", "TX"],
             party_tag_places=["TX"],
             facility_places=["World Trade Center", "Port of Benghazi", "Port of Banias", "Port of Borj Islam"])
L[59] = dict(people=["Kavanaugh", "Brett Kavanaugh", "Andrew Harnik", "Donald Trump", "Jeanine Pirro", "Jerry Falwell Jr.",
                     "Antonin Scalia", "Neil Gorsuch", "Trump", "Scalia"],
             places=[])
