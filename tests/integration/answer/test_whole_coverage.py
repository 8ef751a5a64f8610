"""Answers from many outlets: agreement counted, disagreements and revisions shown (real model)."""

import pytest

from index.answer.pipeline import read
from index.service import Newsdesk, reader_for


def article(title: str, outlet: str, published: str, *paragraphs: str) -> str:
    front = f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n\n"
    return front + "\n\n".join(paragraphs) + "\n"


ARTICLES = {
    # one fact, four outlets, four wordings; a distractor with another figure of the same kind
    "ferry-1.md": article("Island ferry order signed", "Coast Wire", "2026-03-02",
                          "The island council ordered 14 electric ferries from a Danish yard, "
                          "officials said on Monday."),
    "ferry-2.md": article("Council buys ferries", "Harbour Post", "2026-03-03",
                          "Fourteen battery ferries will replace the diesel fleet under the "
                          "order approved by the island council."),
    "ferry-3.md": article("What the ferry deal means", "Daily Ledger", "2026-03-04",
                          "The order for 14 ferries is the council's largest purchase in a "
                          "decade, and the first boats arrive next spring."),
    "ferry-4.md": article("Ferries: the cost", "Coast Wire", "2026-03-05",
                          "Each of the 14 new ferries will carry up to 300 passengers."),
    "cruise.md": article("Cruise line expands", "Travel Desk", "2026-03-01",
                         "A cruise line said it had ordered 3 electric ships for its northern "
                         "routes."),
    # two outlets disagree on one count, neither revises
    "fire-1.md": article("Warehouse fire", "City Times", "2026-04-10",
                         "About 40 firefighters fought the warehouse fire on Dock Road."),
    "fire-2.md": article("Dock Road blaze", "Evening Star", "2026-04-10",
                         "More than 90 firefighters battled the Dock Road warehouse fire "
                         "overnight."),
    # a later article revises a toll, saying so
    "quake-1.md": article("Tremor shakes valley", "Valley News", "2026-05-01",
                          "Three people were injured in the tremor, the regional police said."),
    "quake-2.md": article("Tremor injuries revised", "Valley News", "2026-05-03",
                          "Police revised the number of people injured in the tremor to "
                          "eleven, up from three."),
    # one launch, one outlet says "last week", another names the day
    "appeal-1.md": article("Storm appeal pays first grants", "Shore Times", "2026-09-22",
                           "The Tarn storm appeal, opened last week by the county council, "
                           "has paid its first grants to families."),
    "appeal-2.md": article("Council opens storm appeal", "County Post", "2026-09-18",
                           "The county council opened the Tarn storm appeal on Wednesday to "
                           "help families whose homes were damaged."),
    # one sentence dates two events: the strike's start and the end of the talks
    "strike-1.md": article("Hospitals postpone operations", "City Times", "2026-08-10",
                           "Hospitals have postponed about 900 planned operations ahead of a "
                           "72-hour nurses' strike that begins on Tuesday morning, after "
                           "last-ditch talks between the union and the health board broke up "
                           "without agreement on Sunday."),
    # a question with a light verb ("was the offer made"): the day said of the offer
    "offer-1.md": article("Minister raises nurses' pay offer to 5.6%", "Evening Star", "2025-10-02",
                          "The health minister yesterday raised the nurses' pay offer to 5.6 "
                          "per cent, in an attempt to head off a four-day walkout due to begin "
                          "next Tuesday."),
    # a role asked about that the coverage never names: a phrase naming another role's holder
    "talks-1.md": article("Kessaria responds", "Coast Wire", "2026-02-12",
                          "The commerce ministry's statement was Halvane's first detailed "
                          "response since Prime Minister Helena Stroud arrived for talks."),
    # a role said where one outlet names its holder, in another story of the same firm
    "freight-1.md": article("Freight boss quits", "City Times", "2026-10-06",
                            "The managing director of Harle Freight has resigned after the "
                            "company lost its port contract, the firm said on Monday."),
    "freight-2.md": article("Harle Freight loses port deal", "Harbour Post", "2026-10-03",
                            "Harle Freight's managing director, Ada Morrow, said the company "
                            "would appeal the port authority's decision."),
    # an organisation asked for by a noun that one outlet says and another names
    "breach-1.md": article("Bank data stolen", "City Times", "2026-11-09",
                           "Criminals stole the records of 40,000 savers after breaking into "
                           "the contractor's system in September, the bank said."),
    "breach-2.md": article("Contractor apologises", "Harbour Post", "2026-11-11",
                           "Tollan Data, the contractor at the centre of the breach, said it "
                           "had reset every password."),
    # a sum in a currency said in words, and the sum it replaced
    "relief-1.md": article("Flood grants raised", "Shore Times", "2026-11-02",
                           "Families whose homes were flooded will get a payment of 400 "
                           "crowns, instead of 150, the county council said on Monday."),
    "relief-2.md": article("Flood help for renters", "County Post", "2026-10-20",
                           "Renters whose belongings were damaged can claim a goodwill "
                           "payment of 150 crowns from the county."),
    # who ran a board, then resigned: asked who runs it now, not him
    "transit-1.md": article("Depot plan defended", "City Times", "2026-04-02",
                            "Colm Ardagh, who runs the Kelby transit board, defended the depot "
                            "plan on Tuesday."),
    "transit-3.md": article("Bus lanes approved", "County Post", "2026-04-08",
                            "The Kelby transit board, run by Colm Ardagh, approved two new bus "
                            "lanes."),
    "transit-2.md": article("Transit chief quits", "Harbour Post", "2026-04-20",
                            "Colm Ardagh resigned as chief executive of the Kelby transit board "
                            "on Monday.",
                            "Operations director Mira Holt will lead the board until a "
                            "successor is found."),
    # an earlier wreck, its year but no toll
    "wreck-1.md": article("Ferry capsizes on Lake Orrin", "Coast Wire", "2026-08-14",
                          "The capsize is the worst accident on Lake Orrin since the ferry "
                          "Saint Brede sank in 1988.",
                          "The Saint Brede sank in 1988, and the inquiry that followed "
                          "called for tighter rules on lake ferries."),
    # when a ship sailed, not why; what a firm did last year, not its profit
    "gale-1.md": article("Ferry sailed into gale", "Harbour Post", "2026-08-15",
                         "The Saint Brede sailed on Friday evening, after the gale warning "
                         "had been issued, the port authority said."),
    "tolvan-1.md": article("Tolvan sales", "Daily Ledger", "2026-02-03",
                           "Tolvan cut prices on most of its range twice last year, and its "
                           "home sales grew only 6 per cent."),
    # a list the reader may cut after its first item
    "grants-1.md": article("Storm grants paid", "Shore Times", "2026-09-25",
                           "The county council said the first storm grants had gone to "
                           "families in Harle, Kellin and Dunmarrow."),
    # a count said with the noun the question counts
    "depot-1.md": article("Depot reopens", "City Times", "2026-06-03",
                          "The Kestrel Road depot now holds 212 buses, the transit authority "
                          "said."),
    # a cost given for one thing, beside another thing whose cost is not given
    "tramline-1.md": article("Tram line extension approved", "Harbour Post", "2026-06-04",
                             "The city will also build a solar-powered tram stop at the "
                             "harbour, at a separate cost of about $12 million. Its power "
                             "will come from a planned solar farm on the harbour wall by "
                             "2029."),
    # the new trams are electric; another story's buses are diesel
    "tram-1.md": article("Trams arrive", "City Times", "2026-06-01",
                         "The city's new trams are electric and draw power from overhead "
                         "lines."),
    "tram-2.md": article("Bus route to close", "Evening Star", "2026-06-02",
                         "The diesel buses on the tram route will be retired in July."),
    # a count revised the same day, the sentence saying which figure replaced which
    "clinic-1.md": article("Clinic nurses back at work", "City Times", "2026-08-06",
                           "Nurses at the Marlow clinic returned to work on Thursday after a "
                           "48-hour strike that forced the cancellation of 640 appointments, "
                           "health officials said.",
                           "The strike began at 7 a.m. on Tuesday and ended at 7 a.m. on "
                           "Thursday."),
    "clinic-2.md": article("Strike cost more appointments", "Evening Star", "2026-08-06",
                           "The clinic's board said the number of appointments cancelled "
                           "because of the strike has risen to 910, up from the 640 it reported "
                           "when nurses returned to work."),
    # what a person is, said by two outlets in two ways
    "mayor-1.md": article("Terminal opens", "Coast Wire", "2026-07-01",
                          "Island mayor Lena Ortiz opened the new ferry terminal on Friday."),
    "mayor-2.md": article("Ferries to run from May", "Harbour Post", "2026-07-02",
                          "Lena Ortiz, the island mayor, said the ferries would run from May."),
    # yes said by one clause, no by another clause about something else
    "visit-1.md": article("Ortiz to visit the capital", "Coast Wire", "2026-07-03",
                          "Lena Ortiz has accepted an invitation to visit the capital, but "
                          "neither side has proposed dates."),
    "visit-2.md": article("Mayor's trip", "Daily Ledger", "2026-07-04",
                          "Ortiz agreed to visit the capital later this year, her office said."),
    # a ceiling of what may be done, beside nothing done yet
    "watchdog-1.md": article("Watchdog opens bank inquiry", "City Times", "2026-09-01",
                             "The Data Watchdog has opened an inquiry into the theft of "
                             "customer records at Harle Bank.",
                             "The watchdog can fine a bank up to 4 per cent of its annual "
                             "turnover, and expects to report in March."),
    # what a person is accused of, said with another verb than the question's
    "trawler-1.md": article("Trawler skipper in court", "Harbour Post", "2026-09-02",
                            "The trawler's skipper, Ivo Brannock, was charged on Tuesday with "
                            "reckless navigation and released on bail."),
    # an organisation the coverage calls by the question's noun, beside one it does not
    "hack-1.md": article("Orrin Bank hack claimed", "Daily Ledger", "2026-09-04",
                         "The hacking group Grey Finch, which has claimed the attack on Orrin "
                         "Bank, has demanded 2 million crowns from the bank."),
    "hack-2.md": article("Consumers attack Orrin offer", "Evening Star", "2026-09-05",
                         "The Orrin Consumers' Council attacked Orrin Bank on Wednesday, "
                         "saying its offer to the victims of the hack was an insult."),
    # two deaths, neither named
    "storm-1.md": article("Storm claims two lives", "City Times", "2026-09-03",
                          "Police have confirmed two deaths: a 70-year-old man near Oxley and "
                          "a 61-year-old woman in Hale's Crossing.",
                          "The man died when his car was swept off a flooded road."),
    # a sum of another measure than the one asked: a turnover, a gift
    "results-1.md": article("Marlow Foods results", "City Times", "2026-09-06",
                            "Marlow Foods reported turnover of 820 million crowns for the year, "
                            "up 4 per cent."),
    "gift-1.md": article("Dam operator gives to flood fund", "Coast Wire", "2026-09-07",
                         "The dam operator Tarn Hydro said it had donated 300,000 crowns to the "
                         "flood relief fund."),
    # a role's holder titled with it, beside a name that is not
    "match-1.md": article("Rovers edge Saltmere", "Harrowgate Courier", "2026-09-09",
                          "Kofi Lindqvist's header two minutes from time gave Harrowgate "
                          "Rovers a 2-1 win over Saltmere Town on Saturday.",
                          "Rovers manager Stuart Pell praised his side's patience."),
    # what another city did
    "buses-1.md": article("Port Allard goes for hydrogen", "Fleet Today", "2026-09-08",
                          "Port Allard Transit has ordered 40 hydrogen buses from Northfield "
                          "Motors in a deal worth $58 million."),
    # buses of another kind than asked; a fee paid the other way round
    "buses-2.md": article("Kelby picks battery buses", "Fleet Today", "2026-09-10",
                          "Kelby Transit has ordered 60 electric buses from Northfield Motors."),
    "fee-1.md": article("Marsh Mining backs Oxbridge bid", "Daily Ledger", "2026-09-11",
                        "Marsh Mining has agreed to pay Oxbridge Metals a 30 million crown "
                        "break fee if it backs another bidder."),
    # one demand, two figures, the second sentence worded with few of the question's words
    "ransom-1.md": article("Tessel Bank hack claimed", "Coast Wire", "2026-09-13",
                           "A criminal group calling itself Grey Heron has claimed the cyber "
                           "attack on Tessel Bank and is demanding a ransom of 9 million "
                           "crowns."),
    "ransom-2.md": article("Hackers name their price", "Evening Star", "2026-09-14",
                           "The hacking group Grey Heron, which has claimed the attack, has "
                           "demanded 4 million crowns from the bank, according to two people "
                           "briefed on the talks."),
    # what a question negates, stated
    "ban-1.md": article("Fireworks ban", "Harbour Post", "2026-09-12",
                        "Lowmarsh council banned fireworks in the old town in 2019."),
    # a ferry named beside the one asked about, and its skipper
    "barge-1.md": article("Barge lost off Tollmouth", "Coast Wire", "2026-10-03",
                          "A grain barge went down off Tollmouth on Friday night. It was the "
                          "worst accident on the estuary since the barge Pellow sank there in "
                          "1998.",
                          "Its captain, Anselm Kroft, swam ashore."),
    # an amount said with a word of its own between "an" and the figure
    "funds-1.md": article("Government releases storm funds", "Evening Star", "2026-10-04",
                          "The government has released an initial 600 million crowns in "
                          "emergency funds for the storm-hit north.",
                          "The Red Cross has launched an appeal for 9 million crowns to feed "
                          "villagers in the north."),
    # a toll's count beside a count of something else in one headline
    "toll-1.md": article("Second death confirmed as gale evacuations pass 3,000", "Coast Wire",
                         "2026-10-06",
                         "Two people died in the gale: a fisherman off Tollmouth and a driver "
                         "hit by a falling tree.",
                         "More than 3,000 people were evacuated from the coast."),
    # one figure worded otherwise by two outlets, against a third's
    "ballot-1.md": article("Dockers vote to strike", "Harbour Post", "2026-11-02",
                           "The Dockers' Guild said 87% of members who took part in the "
                           "ballot backed strike action, on a turnout of 61%."),
    "ballot-2.md": article("Dockers' ballot result", "Evening Star", "2026-11-01",
                           "The Dockers' Guild announced that 78% of members who returned a "
                           "ballot paper had backed industrial action."),
    "ballot-3.md": article("Terminal braces for walkout", "Daily Ledger", "2026-11-06",
                           "On the guild's own figures, 78% of those who voted backed a "
                           "strike at the container terminal."),
    # a figure a company did not give, beside others it did
    "rail-1.md": article("Record year for Harrow Rail", "Coast Wire", "2026-10-10",
                         "Harrow Rail carried 41 million passengers last year, a record, "
                         "and its trains now serve 52 towns. It did not give a ridership "
                         "target for 2027, but analysts expect growth to slow as more towns "
                         "open new bus links."),
    # a share of something else beside a question for an amount
    "duty-1.md": article("Grain duty cut", "Harbour Post", "2026-10-05",
                         "Tollmouth will cut the duty on imported grain to about 14 per cent "
                         "by the end of March."),
    # two presidents, of two countries
    "summit-1.md": article("Leaders meet in Beijing", "Coast Wire", "2026-10-12",
                           "Chinese President Xi Jinping and Canadian Prime Minister Mark "
                           "Carney held talks in Beijing on Friday.",
                           "The talks came after the re-election of US President Donald Trump, "
                           "who has imposed new tariffs on Canadian goods."),
    "summit-2.md": article("Xi hails turning point", "Evening Star", "2026-10-12",
                           "Chinese President Xi Jinping said relations with Canada had "
                           "reached a turning point."),
    # the top of a thing and the second of it, each said by its own outlet
    "grain-1.md": article("Tollmouth grain exports rise", "Harbour Post", "2026-10-14",
                          "Tollmouth shipped more grain than ever to Norland, its biggest "
                          "export market, in September."),
    "grain-2.md": article("Grain duty talks", "Coast Wire", "2026-10-15",
                          "Tollmouth began talks on grain duties with Kessaria, its "
                          "second-largest export market, on Monday."),
    # the chairs of two bodies, and a regulator whose chair is never named
    "harbour-1.md": article("Harbour board backs dredging", "Harbour Post", "2026-10-16",
                            "Board chair Ines Calder said the harbour would be dredged in "
                            "spring."),
    "growers-1.md": article("Growers want lower duty", "Evening Star", "2026-10-16",
                            "Grain Growers Association chair Tom Ashby called the duty cut "
                            "overdue."),
    "rail-2.md": article("Harrow Rail plans for growth", "Evening Star", "2026-10-12",
                         "Harrow Rail expects to carry 45 million passengers in 2027, its "
                         "chief executive said."),
    # a story's holder of a post, told by two outlets, and another story's
    "clinic-pay-1.md": article("Nurses' offer raised", "City Times", "2026-10-20",
                               "Health Minister Isak Feldmoor raised the Marlow nurses' pay "
                               "offer on Monday."),
    "clinic-pay-2.md": article("Marlow nurses weigh offer", "Harbour Post", "2026-10-21",
                               "Health Minister Isak Feldmoor said the Marlow offer was final."),
    "clinic-pay-3.md": article("Nurses to vote on offer", "Coast Wire", "2026-10-22",
                               "Marlow nurses will vote on the offer made by Health Minister "
                               "Isak Feldmoor."),
    "paramedics-1.md": article("Westerhold paramedics accept deal", "Evening Star",
                               "2026-10-21",
                               "Health Minister Maelle Quillon welcomed the Westerhold "
                               "paramedics' vote."),
    # two counts in one sentence, each of its own noun
    "bank-1.md": article("Harbour Bank cuts fees", "City Times", "2026-10-18",
                         "Harbour Bank, which has about 2.3 million customers and 71 "
                         "branches, said it would cut account fees in January."),
    "regulator-1.md": article("Regulator opens harbour inquiry", "Coast Wire", "2026-10-17",
                              "The ports regulator opened an inquiry into the dredging "
                              "contract on Friday."),
    # a prime minister whose country no article names, and a country no post is named of
    "lake-1.md": article("Prime minister visits lake town", "Evening Star", "2026-11-02",
                         "Prime Minister Vesna Holt visited Kellin harbour on Sunday after "
                         "the ferry sank."),
    "vardenia-1.md": article("Vardenian pilots strike", "City Times", "2026-11-02",
                             "Pilots in Vardenia walked out on Monday over pay."),
    # what the asked thing runs, and who runs it
    "water-1.md": article("Reservoirs low", "Harbour Post", "2026-11-03",
                          "The Tarn Water Board, which runs the three upland reservoirs, said "
                          "levels had fallen to 40 per cent."),
    "water-2.md": article("Water board warns of hosepipe ban", "Coast Wire", "2026-11-04",
                          "Water board chief executive Mira Dunn said a hosepipe ban was "
                          "likely."),
    # a body's head by another title than "head"; a ministry in the same sentence
    "federation-1.md": article("Calvessan nurses end strike", "City Times", "2026-11-05",
                               "About 14,000 nurses walked out, the Calvessan Nurses' "
                               "Federation said, though the Calvessan health ministry put the "
                               "number at 11,500.",
                               "Federation president Lise Arnaud said the deal was fair."),
    # two verbs joined, each with its own date; the opposite act; another noun's length
    "ballot-4.md": article("Nurses to vote on deal", "Evening Star", "2026-11-06",
                           "The Calvessan nurses' vote on the deal opens on Monday and closes "
                           "at noon on 20 November."),
    "dock-1.md": article("Dock strike to go ahead", "Harbour Post", "2026-11-07",
                         "The Tollmouth dock strike is due to start at 7am on Tuesday and "
                         "finish at 7am on Thursday."),
    "dock-2.md": article("Dock strike live", "Coast Wire", "2026-11-10",
                         "The Tollmouth dock strike ends at 7am on Thursday."),
    "dockers-1.md": article("Port Varnley dockworkers walk out", "City Times", "2026-11-11",
                            "About 2,100 dockworkers at Port Varnley walked off the job on "
                            "Wednesday at the start of a 48-hour strike over pay."),
    "federation-2.md": article("Calvessan deal agreed", "Coast Wire", "2026-11-05",
                               "Calvessan nurses accepted a two-year pay deal, ending a 12-day "
                               "strike."),
    # a figure set against another as its yardstick
    "offer-2.md": article("Ministry prices new offer", "City Times", "2026-11-08",
                          "The Marlow ministry said the improved 4.5% offer would cost about "
                          "$96 million a year, compared with $68 million for its original "
                          "offer."),
    # a sum paid to those counted, and a count of another thing than money
    "outage-1.md": article("Tolvane Bank to pay customers after outage", "Harbour Post",
                           "2026-11-09",
                           "Tolvane Bank will pay 50 crowns to each customer who was locked "
                           "out of its app during the outage."),
    # a quota's tariff beside the surtax above it; a union's president beside the country's
    "quota-1.md": article("Car quota agreed", "Coast Wire", "2026-11-12",
                          "Cars inside the Ostrel quota will pay a tariff of 4.9 per cent "
                          "rather than the 70 per cent surtax imposed in 2023."),
    "quota-2.md": article("What the quota means", "City Times", "2026-11-13",
                          "Ostrel will admit the cars at its ordinary 4.9 per cent tariff."),
    "quota-3.md": article("Quota rules due", "Harbour Post", "2026-11-14",
                          "Trade Minister Ada Moss said the rules for the Ostrel quota will "
                          "be published before any tariff cuts take effect."),
    "ostrel-1.md": article("Ostrel deal signed", "Harbour Post", "2026-11-12",
                           "Ostrelian President Teodor Vask signed the car quota deal on "
                           "Thursday."),
    "ostrel-2.md": article("Union slams Ostrel car deal", "Evening Star", "2026-11-13",
                           "\"This deal hands Ostrel our showrooms,\" said union president Rosa "
                           "Kettle."),
    "kelvara-1.md": article("Kelvara carries more passengers", "Evening Star", "2026-11-09",
                            "Kelvara Lines carried 2.3 million passengers in the first half, "
                            "and has ordered two hybrid ferries for its busiest route."),
    # an arrest said in one sentence, its day in the next; a live blog's stamps
    "tarn-1.md": article("Barge captain arrested", "City Times", "2026-11-18",
                          "Police have arrested the captain of the barge that sank on the "
                          "Tarn on Saturday, and the owner has admitted it was overloaded.",
                          "Oren Vale, the barge's captain, was detained on Tuesday after he "
                          "left hospital."),
    "tarn-2.md": article("Tarn barge sinking live", "Coast Wire", "2026-11-15",
                          "10:15 - Relatives are gathering at the quay in Harle, where the "
                          "owner has opened a room for families.",
                          "09:00 - The barge left Harle at 6:40 p.m. on its usual evening "
                          "run, the owner said."),
    # two sums of one sentence, each for its own recipients
    "tarn-3.md": article("Council to pay barge families", "Harbour Post", "2026-11-20",
                          "The council will pay 20,000 crowns to the family of each person "
                          "who died in the Tarn barge sinking and 3,000 crowns to each "
                          "survivor."),
    # a sum said without its measure; another body's chief executive beside the asked one's
    "fenwick-1.md": article("Fenwick Bank sets aside compensation", "City Times", "2026-11-21",
                            "Fenwick Bank set aside 60 million crowns to compensate customers "
                            "whose data was stolen.",
                            "Bram Holt, chief executive of the Financial Conduct Office, said "
                            "he had asked Fenwick Bank for a report.",
                            "Fenwick Bank chief executive Lena Marsh apologised to customers."),
    # a count that a later count was revised from, and another count of the same noun
    "sutton-1.md": article("Sutton Bank hacked", "City Times", "2026-11-10",
                           "Sutton Bank, which has about 1.4 million customers, said hackers "
                           "had broken into a contractor's archive."),
    "sutton-2.md": article("Sutton breach bigger", "Harbour Post", "2026-11-18",
                           "Sutton Bank said the data of 412,000 customers had been stolen."),
    "sutton-3.md": article("Sutton breach grows again", "Coast Wire", "2026-11-28",
                           "The count of Sutton Bank customers whose data was stolen has risen "
                           "to 530,000, up from 412,000."),
    # a date of another's act on the asked doer, beside the doer's own
    "watch-1.md": article("Watchdog opens Dunmore inquiry", "City Times", "2026-11-20",
                          "The data watchdog opened a formal inquiry into Dunmore Bank on "
                          "Thursday."),
    "watch-2.md": article("Dunmore Bank discloses breach", "Harbour Post", "2026-11-12",
                          "Dunmore Bank said it had told the data watchdog about the breach on "
                          "2 November."),
    # who will run a firm, beside who ran it
    "pinlow-1.md": article("Pinlow boss quits", "Coast Wire", "2026-11-22",
                           "Corin Dale, the managing director of Pinlow Data, has resigned.",
                           "The company's chair, Nell Ashby, will run Pinlow on an interim "
                           "basis."),
    # a count of another noun in a sentence that names the asked one
    "tarvel-1.md": article("Tarvel nurses walk out", "Coast Wire", "2026-11-23",
                           "Nurses at four clinics in Tarvel walked out on Monday over pay.",
                           "Midwives at the four clinics were left out of the ballot and are "
                           "working as normal."),
    # the count of those hurt after one event beside another story's
    "vesk-1.md": article("Cruise boat runs aground on the Vesk", "City Times", "2026-11-24",
                         "Eleven passengers were taken to hospital with cuts and bruises "
                         "after the grounding of the cruise boat Perrin Lace on the Vesk.",
                         "The river authority said it opens an inquiry after every grounding."),
    "quarry-1.md": article("Rockfall at Pellby quarry", "Harbour Post", "2026-11-24",
                           "Two workers were taken to hospital after a rockfall at the Pellby "
                           "quarry on Monday."),
    # the dead and the missing counted in one sentence
    "marr-1.md": article("Marr ferry toll rises", "City Times", "2026-11-27",
                         "Thirty people are confirmed dead and twelve are still missing after "
                         "the Marr ferry sank on Lake Ode."),
    # a chair said so by the verb, titled otherwise
    "venn-1.md": article("Clinic closure row", "Coast Wire", "2026-11-26",
                         "Councillor Mara Venn, who chairs the council's health committee, "
                         "said the closure of the Elm Street clinic was a mistake."),
    # a price per share beside a fall in the bidder's shares
    "castor-1.md": article("Castor bids for Dunlin", "Evening Star", "2026-11-25",
                           "Castor Metals offered 18.20 crowns a share in cash for Dunlin Mining "
                           "on Tuesday.",
                           "Castor's own shares fell 4 per cent on the news."),
}


@pytest.fixture(scope="module")
def desk(corpus_desk) -> Newsdesk:
    return corpus_desk(ARTICLES, "coverage")


def test_outlets_that_repeat_a_fact_in_other_words_support_one_answer(desk):
    result = desk.ask("how many ferries did the council order?")
    assert result.answered and not result.conflict
    assert "14" in result.answer or "Fourteen" in result.answer
    assert result.support >= 3
    cited = {c.source for c in result.citations}
    assert {"ferry-1.md", "ferry-3.md"} <= cited
    assert "cruise.md" not in cited


def test_outlets_not_read_that_state_the_answer_are_cited_too(desk):
    read_one = desk.ask("how many ferries did the council order?", k=1)
    assert read_one.answered and read_one.support >= 3
    cited = {c.source for c in read_one.citations}
    assert len(cited) >= 3 and "cruise.md" not in cited


def test_a_count_does_not_say_again_what_the_question_counts(desk):
    result = desk.ask("how many buses does the Kestrel Road depot hold?")
    assert result.answered
    assert result.answer == "212"
    assert "212 buses" in result.sentence


def test_two_outlets_that_disagree_are_both_given(desk):
    result = desk.ask("how many firefighters fought the Dock Road fire?")
    assert result.answered and result.conflict
    values = sorted(side.answer for side in result.sides)
    assert any("40" in v for v in values) and any("90" in v for v in values)
    by_number = {c.n: c.source for c in result.citations}
    sides = {by_number[n] for side in result.sides for n in side.citations}
    assert sides == {"fire-1.md", "fire-2.md"}
    assert all(side.published == ("2026-04-10",) for side in result.sides)


def test_two_figures_of_one_act_disagree_however_the_second_is_worded(desk):
    result = desk.ask("Tessel Bank ransom demand?")
    assert result.answered and result.conflict
    values = sorted(side.answer for side in result.sides)
    assert any("9 million" in v for v in values) and any("4 million" in v for v in values)


def test_a_later_revision_is_the_answer_and_the_earlier_figure_is_named(desk):
    result = desk.ask("how many people were injured in the tremor?")
    assert result.answered and not result.conflict
    assert "eleven" in result.answer.lower()
    assert result.revised_from is not None
    assert "three" in result.revised_from.answer.lower()
    assert {c.source for c in result.citations} == {"quake-1.md", "quake-2.md"}


def test_a_revision_a_sentence_states_is_the_answer_whatever_the_dates(desk):
    result = desk.ask("how many appointments did the Marlow clinic strike cancel?")
    assert result.answered and not result.conflict
    assert "910" in result.answer
    assert result.revised_from is not None and "640" in result.revised_from.answer


@pytest.mark.parametrize(("question", "first"), [
    ("how many appointments did the Marlow clinic first report cancelled?", "640"),
    ("how many people did police initially say were injured in the tremor?", "three"),
])
def test_asked_for_the_figure_first_given_the_revision_is_not_the_answer(desk, question, first):
    result = desk.ask(question)
    assert result.answered and not result.conflict
    assert first in result.answer.lower() and result.revised_from is None


def test_asked_how_long_a_moment_is_no_answer(desk):
    result = desk.ask("how long did the Marlow clinic strike last?")
    assert not result.answered or "48" in result.answer, result.answer


def test_a_date_is_given_as_precisely_as_an_outlet_says_it(desk):
    result = desk.ask("what date was the storm appeal opened?")
    assert result.answered and not result.conflict
    assert result.answer == "Wednesday (16 September 2026)"
    assert "on Wednesday" in result.sentence
    assert result.citations[0].source == "appeal-2.md"
    assert result.support == 2


def test_a_date_is_the_one_of_the_event_asked_about(desk):
    result = desk.ask("when did the last talks before the strike break down?")
    assert result.answered
    assert "Sunday" in result.answer and "9 August 2026" in result.answer
    assert "Tuesday" not in result.answer


def test_asked_with_a_light_verb_the_date_is_the_one_said_of_its_noun(desk):
    result = desk.ask("what day was the 5.6% offer made?")
    assert result.answered
    assert result.answer == "yesterday (1 October 2025)"


def test_asked_who_runs_it_now_the_one_who_resigned_is_no_answer_asked_who_quit_he_is(desk):
    now = desk.ask("who's running the Kelby transit board now?")
    assert "Ardagh" not in now.answer
    left = desk.ask("who quit at the Kelby transit board?")  # only someone said to have left
    assert "Ardagh" in left.answer


def test_asked_what_was_done_what_only_can_be_is_no_answer(desk):
    done = desk.ask("how much was Harle Bank fined?")
    assert not done.answered, done.answer
    can = desk.ask("how much can the watchdog fine a bank?")
    assert can.answered
    assert "4 per cent" in can.answer


def test_a_sum_said_to_measure_another_thing_is_no_answer(desk):
    profit = desk.ask("what profit did Marlow Foods make?")
    assert not profit.answered, profit.answer
    turnover = desk.ask("what was Marlow Foods' turnover?")
    assert "820 million crowns" in turnover.answer
    fined = desk.ask("how much was Tarn Hydro fined?")
    assert not fined.answered, fined.answer
    gave = desk.ask("how much did Tarn Hydro donate to the flood fund?")
    assert "300,000 crowns" in gave.answer


def test_asked_who_holds_a_role_a_name_titled_with_it_is_the_answer(desk):
    result = desk.ask("who manages Harrowgate Rovers?")
    assert result.answer == "Stuart Pell"


@pytest.mark.parametrize(("near_miss", "asked", "answer"), [
    # another name did it
    ("how many hydrogen buses did Harrowgate order?",
     "how many hydrogen buses did Port Allard order?", "40"),
    # things of another kind
    ("how many hydrogen buses did Kelby Transit order?",
     "how many electric buses did Kelby Transit order?", "60"),
    # done to the asked doer, the other way round
    ("what would Oxbridge Metals have to pay Marsh Mining?",
     "what would Marsh Mining have to pay Oxbridge Metals?", "30 million crown"),
    # what the question negates, stated
    ("when didn't Lowmarsh council ban fireworks?", "when did Lowmarsh council ban fireworks?",
     "2019"),
])
def test_a_near_miss_is_not_answered_with_what_answers_the_question_it_misses(
        desk, near_miss, asked, answer):
    assert answer not in desk.ask(near_miss).answer
    assert answer in desk.ask(asked).answer


def test_asked_what_someone_is_accused_of_the_charge_is_the_answer(desk):
    result = desk.ask("what is the trawler skipper accused of?")
    assert result.answered
    assert result.answer == "reckless navigation"
    assert [c.source for c in result.citations] == ["trawler-1.md"]


def test_asked_for_a_persons_name_only_a_person_named_is_an_answer(desk):
    unnamed = desk.ask("what was the name of the man who died near Oxley?")
    assert not unnamed.answered, unnamed.answer  # not "Hale's Crossing", nor "his car"
    named = desk.ask("what is the name of the trawler's skipper?")
    assert named.answered
    assert named.answer == "Ivo Brannock"


def test_asked_which_noun_the_name_the_coverage_calls_so_answers(desk):
    result = desk.ask("which group says it hacked Orrin Bank?")
    assert result.answered
    assert result.answer == "Grey Finch"


def test_a_phrase_naming_the_holder_of_another_role_is_no_answer_for_a_role(desk):
    result = desk.ask("who's Kessaria's commerce minister?")
    assert "Stroud" not in result.answer


@pytest.mark.parametrize(("question", "named", "sources"), [
    # a role one outlet says, the person another names in it
    ("who resigned at Harle Freight?", "Ada Morrow", {"freight-1.md", "freight-2.md"}),
    # an organisation asked for by a noun one outlet says and another names
    ("which contractor did the criminals break in through?", "Tollan Data",
     {"breach-1.md", "breach-2.md"}),
])
def test_a_phrase_standing_for_a_name_another_outlet_gives_is_that_name(desk, question, named,
                                                                         sources):
    result = desk.ask(question)
    assert result.answered
    assert result.answer == named
    assert {c.source for c in result.citations} >= sources


def test_a_sum_is_not_the_one_a_sentence_says_it_replaced(desk):
    result = desk.ask("payment for families whose homes were flooded?")
    assert result.answered
    assert result.answer == "400 crowns"


def test_a_count_the_coverage_does_not_give_is_declined_not_read_from_a_year(desk):
    result = desk.ask("how many died when the Saint Brede sank in 1988?")
    assert not result.answered, result.answer


@pytest.mark.parametrize("question", [
    "why did the Saint Brede sail despite the gale warning?",  # said: when, not why
    "what was Tolvan's profit last year?",  # said: what it did, a share, no sum
])
def test_an_answer_of_another_kind_than_asked_is_declined(desk, question):
    result = desk.ask(question)
    assert not result.answered, result.answer


def test_a_sum_said_of_another_thing_than_the_one_whose_cost_is_asked_is_declined(desk):
    declined = desk.ask("what will the harbour solar farm cost?")
    assert not declined.answered, declined.answer  # "$12 million" is the tram stop's
    answered = desk.ask("how much will the harbour tram stop cost?")
    assert answered.answered
    assert "12 million" in answered.answer


def test_a_question_for_things_in_the_plural_gets_the_whole_list(desk):
    result = desk.ask("which towns got the first storm grants?")
    assert result.answered
    assert all(town in result.answer for town in ("Harle", "Kellin", "Dunmarrow"))


def test_an_either_or_question_is_answered_with_the_value_the_coverage_states(desk):
    result = desk.ask("did the council order 12 or 14 ferries?")
    assert result.answered and not result.conflict
    assert result.answer == "14"
    assert result.support >= 2
    assert {"ferry-1.md", "ferry-3.md"} <= {c.source for c in result.citations}


def test_an_either_or_question_may_offer_more_than_two(desk):
    result = desk.ask("did the council order 12, 14 or 16 ferries?")
    assert result.answered and not result.conflict
    assert result.answer == "14"


def test_an_either_or_question_whose_sources_disagree_gives_both(desk):
    result = desk.ask("did 40 or 90 firefighters fight the Dock Road fire?")
    assert result.answered and result.conflict
    assert sorted(side.answer for side in result.sides) == ["40", "90"]
    by_number = {c.n: c.source for c in result.citations}
    assert {by_number[n] for side in result.sides for n in side.citations} == {
        "fire-1.md", "fire-2.md"}


def test_an_either_or_question_is_answered_with_the_alternative_about_what_it_asks(desk):
    result = desk.ask("are the new trams electric or diesel?")
    assert result.answered and not result.conflict
    assert result.answer == "electric"
    assert [c.source for c in result.citations] == ["tram-1.md"]


@pytest.mark.parametrize("question", [
    "was the storm appeal opened on Tuesday or Wednesday?",
])
def test_an_either_or_date_is_the_day_an_outlet_names(desk, question):
    result = desk.ask(question)
    assert result.answered and not result.conflict
    assert result.answer.startswith("Wednesday")
    assert result.citations[0].source == "appeal-2.md"


def test_an_either_or_question_the_coverage_does_not_settle_is_declined(desk):
    result = desk.ask("are the ferries painted red or blue?")
    assert not result.answered  # not "Yes": neither is a yes or a no answer


def test_who_someone_is_is_what_the_coverage_says_beside_the_name(desk):
    result = desk.ask("who is Lena Ortiz?")
    assert result.answered and not result.conflict
    assert result.answer.lower() in {"island mayor", "the island mayor"}
    assert result.support == 2
    assert {c.source for c in result.citations} == {"mayor-1.md", "mayor-2.md"}


def test_a_name_the_coverage_says_nothing_about_is_not_described_by_another_name(desk):
    result = desk.ask("what is Dock Road?")
    assert not result.answered


def test_a_yes_no_answer_reads_the_clause_that_states_what_is_asked(desk):
    result = desk.ask("has Lena Ortiz accepted an invitation to visit the capital?")
    assert result.answered and not result.conflict  # "neither side has proposed dates" is
    assert result.answer == "Yes"                    # about the dates, not the visit
    assert result.citations[0].source == "visit-1.md"
    dates = desk.ask("have dates been proposed for Lena Ortiz's visit to the capital?")
    assert dates.answered and dates.answer == "No"
    assert dates.citations[0].source == "visit-1.md"


def test_a_name_the_coverage_calls_by_the_thing_asked_about_is_not_who_did_it(desk):
    result = desk.ask("who was skippering the barge that sank off Tollmouth?")
    assert "pellow" not in result.answer.lower()


def test_an_amount_described_by_a_word_of_its_own_is_that_amount(desk):
    result = desk.ask("how much emergency money has the government released for the storm?")
    assert result.answered and "600 million" in result.answer


def test_a_share_of_something_else_is_no_amount_of_what_is_asked(desk):
    result = desk.ask("how much snow fell on Tollmouth?")
    assert "per cent" not in result.answer


def test_a_toll_counts_what_its_noun_says(desk):
    result = desk.ask("gale death toll?")
    assert result.answered and result.answer.lower().startswith("two")


def test_a_figure_two_outlets_word_otherwise_is_a_side_against_a_third(desk):
    result = desk.ask("what share of dockers backed the strike?")
    assert result.answered and result.conflict, result.answer
    by_number = {c.n: c.source for c in result.citations}
    sides = {side.answer: {by_number[n] for n in side.citations} for side in result.sides}
    assert set(sides) == {"87%", "78%"}, sides
    assert sides["78%"] == {"ballot-2.md", "ballot-3.md"}


def test_what_the_coverage_says_was_not_given_is_declined(desk):
    question = "what is harrow rail's ridership target for 2027?"
    result = desk.ask(question)
    assert not result.answered, result.answer
    # nor is anything else its article says kept as an answer: "52 towns" is no target
    analysis, evidence = desk.evidence(question)
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert not [m.value.text for m in findings.merged if "rail-1.md" in m.sources]


def test_asked_one_countrys_holder_of_a_post_anothers_is_no_answer(desk):
    question = "who is the US president?"
    result = desk.ask(question)
    assert result.answered and not result.conflict, result.answer
    assert result.answer == "Donald Trump"
    # "Chinese President Xi Jinping" is kept as no answer, nor as a side
    analysis, evidence = desk.evidence(question)
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    kept = [m.value.text for m in findings.merged]
    assert not [text for text in kept if "Xi Jinping" in text], kept
    # set aside by two rules (another role's, another country's), counted once in the shares
    assert len({id(m) for m in findings.aside}) == len(findings.aside)


def test_asked_the_top_of_a_thing_the_second_is_no_answer(desk):
    result = desk.ask("what is tollmouth's largest export market?")
    assert result.answered and not result.conflict, result.answer
    assert result.answer == "Norland"
    assert [c.source for c in result.citations][:1] == ["grain-1.md"]


def test_asked_a_things_chair_the_chairs_of_others_are_no_answer(desk):
    result = desk.ask("who is the regulator's chair?")
    assert not result.answered, result.answer
    assert desk.ask("who is the harbour board's chair?").answer == "Ines Calder"


def test_a_year_asked_by_a_relative_word_is_the_storys(desk):
    question = "how many passengers did harrow rail carry last year?"
    result = desk.ask(question)
    assert result.answered and not result.conflict, result.answer
    assert result.answer.startswith("41 million"), result.answer
    # "last year" is 2025 of articles of 2026: what is expected in 2027 is not read
    analysis, evidence = desk.evidence(question)
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert not [m.value.text for m in findings.merged + findings.aside
                if "rail-2.md" in m.sources]


def test_a_count_of_another_noun_beside_the_asked_ones_count_is_no_answer(desk):
    result = desk.ask("how many branches does harbour bank have?")
    assert "2.3 million" not in result.answer, result.answer


def test_asked_a_post_by_no_name_another_storys_holder_is_no_side(desk):
    result = desk.ask("who is the health minister?")
    assert result.answered and not result.conflict, result.answer
    assert result.answer == "Isak Feldmoor"


def test_asked_a_countrys_holder_of_a_post_a_holder_no_article_ties_to_it_is_no_answer(desk):
    result = desk.ask("who is vardenia's prime minister?")
    assert not result.answered, result.answer


def test_asked_who_runs_a_thing_what_the_thing_runs_is_no_answer(desk):
    result = desk.ask("who runs the tarn water board?")
    assert "reservoirs" not in result.answer, result.answer
    assert not result.answered or result.answer == "Mira Dunn", result.answer


def test_asked_who_heads_a_body_its_president_is_an_answer_a_ministry_beside_him_is_not(desk):
    result = desk.ask("who heads the calvessan nurses' federation?")
    assert result.answer == "Lise Arnaud", result.answer


@pytest.mark.parametrize(("question", "said", "unsaid"), [
    ("when does the calvessan nurses' vote close?", "20 November", "Monday"),
    ("what day did the tollmouth dock strike start?", "Tuesday", "Thursday"),
])
def test_a_date_is_of_the_act_asked_not_of_a_joined_or_opposite_one(desk, question, said,
                                                                     unsaid):
    result = desk.ask(question)
    assert said in result.answer and unsaid not in result.answer, result.answer


def test_a_thing_of_another_owner_is_no_answer(desk):
    result = desk.ask("when did the dockworkers' strike end?")
    assert not result.answered, result.answer


def test_a_figure_set_against_another_as_its_yardstick_is_no_side(desk):
    result = desk.ask("how much would the marlow 4.5% offer cost?")
    assert result.answered and not result.conflict, result.answer
    assert "96" in result.answer


def test_a_sum_of_money_counts_no_people_nor_a_count_of_people_money(desk):
    locked = desk.ask("how many tolvane customers were locked out?")
    assert "crowns" not in locked.answer, locked.answer
    cost = desk.ask("how much did kelvara's two hybrid ferries cost?")
    assert "2.3 million" not in cost.answer, cost.answer


def test_asked_a_countrys_post_a_bodys_holder_of_the_same_title_is_no_side(desk):
    question = "who is ostrel's president?"
    result = desk.ask(question)
    assert "Kettle" not in result.answer and not result.conflict, result.answer
    analysis, evidence = desk.evidence(question)
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert "Rosa Kettle" in [m.value.text for m in findings.aside]


def test_asked_what_a_clause_that_says_when_is_no_answer(desk):
    result = desk.ask("what will the ostrel quota rules say?")
    assert "take effect" not in result.answer, result.answer


@pytest.mark.parametrize(("question", "other", "asked"), [
    # a length of another thing: the deal's term, not the strike's
    ("how long did the calvessan strike last?", "two-year", "12-day"),
    # a share of another charge: the quota's tariff, not the surtax above it
    ("what surtax do cars above the ostrel quota pay?", "4.9", "70 per cent"),
    # a duty is a tariff: the surtax is another charge
    ("what duty do cars inside the ostrel quota pay?", "70", "4.9 per cent"),
    ("how many were taken to hospital after the grounding?", "Two", "Eleven"),
    ("who skippered the Tarn barge?", "Police", "Oren Vale"),
])
def test_a_value_of_another_thing_than_the_asked_is_no_answer(desk, question, other, asked):
    result = desk.ask(question)
    assert other not in result.answer, result.answer
    assert not result.answered or asked in result.answer, result.answer


def test_asked_when_a_clause_stating_the_asked_act_is_no_answer(desk):
    result = desk.ask("when was the barge captain arrested?")
    assert result.answered, result.answer
    assert "Tuesday" in result.answer and "arrested" not in result.answer, result.answer


def test_a_live_blogs_stamp_does_not_date_what_its_entry_does_not_say(desk):
    result = desk.ask("what time did the barge leave harle?")
    assert result.answered and not result.conflict, result.answer
    assert "6:40" in result.answer and "10:15" not in result.answer, result.answer


@pytest.mark.parametrize(("question", "paid", "other"), [
    ("how much does each survivor of the barge sinking get?", "3,000", "20,000"),
    ("how much will families of those who died in the barge sinking get?", "20,000", "3,000"),
])
def test_a_sum_paid_to_others_in_the_same_sentence_is_no_answer(desk, question, paid, other):
    result = desk.ask(question)
    assert result.answered, result.answer
    assert result.answer.startswith(paid) and other not in result.answer, result.answer


def test_a_sum_no_sentence_calls_a_profit_is_no_profit(desk):
    result = desk.ask("what was fenwick bank's profit last year?")
    assert not result.answered, result.answer


def test_a_title_of_another_body_is_no_holder_of_the_asked_ones_post(desk):
    result = desk.ask("who is Fenwick Bank's chief executive?")
    assert result.answer == "Lena Marsh" and not result.conflict, result.answer


def test_a_figure_a_sentence_gives_only_as_revised_from_revises_nothing(desk):
    result = desk.ask("how many customers does sutton bank have?")
    earlier = result.revised_from
    assert earlier is None or "1.4 million" not in earlier.answer, result.answer


def test_a_date_of_anothers_act_on_the_asked_doer_is_no_answer(desk):
    result = desk.ask("when did Dunmore Bank tell the data watchdog?")
    assert "Thursday" not in result.answer, result.answer
    assert not result.answered or "2 November" in result.answer, result.answer


def test_asked_who_did_it_who_will_do_it_is_no_answer(desk):
    result = desk.ask("who ran Pinlow?")
    assert "Ashby" not in result.answer, result.answer


def _set_aside(desk, question: str) -> set[str]:
    """Return the answers a rule set aside for the question."""
    analysis, evidence = desk.evidence(question)
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    return {m.value.text for m in findings.aside}


def test_a_count_of_what_something_has_is_no_count_of_those_an_event_befell(desk):
    question = "how many Sutton Bank customers were hit?"
    result = desk.ask(question)
    assert result.answered, result.answer
    assert "1.4 million" not in result.answer and "530,000" in result.answer, result.answer
    assert "about 1.4 million customers" in _set_aside(desk, question)


def test_a_count_of_another_noun_is_no_answer_though_its_sentence_names_the_asked(desk):
    result = desk.ask("how many midwives went on strike in Tarvel?")
    assert "four" not in result.answer, result.answer


@pytest.mark.parametrize(("question", "wrong"), [
    # a count from a story that never names the event the question is timed by
    ("how many were taken to hospital after the grounding?", "Two workers"),
    # asked who skippered it, a name never read as a person's
    ("who skippered the Tarn barge?", "Police"),
])
def test_a_near_miss_of_another_story_or_kind_is_set_aside(desk, question, wrong):
    assert wrong in _set_aside(desk, question)


def test_asked_how_much_a_buyer_is_paying_a_share_is_no_answer(desk):
    question = "how much is Castor paying per Dunlin share?"
    result = desk.ask(question)
    assert "per cent" not in result.answer, result.answer
    assert not result.answered or "18.20" in result.answer, result.answer
    assert desk.evidence(question)[0].kind == "money"  # a percentage is ruled out


def test_a_name_said_to_chair_it_is_its_chair_whatever_else_she_is_titled(desk):
    result = desk.ask("who chairs the health committee?")
    assert result.answer == "Mara Venn", result.answer


def test_a_count_its_sentence_says_is_something_else_is_no_answer(desk):
    result = desk.ask("how many are still missing from the Marr ferry?")
    assert "Thirty" not in result.answer, result.answer
    assert not result.answered or "twelve" in result.answer.lower(), result.answer
