"""A synthetic benchmark corpus of conflict news, written for these benchmarks.

`ARTICLES` holds 34 short wire-style reports from many conflicts (invented incidents in real
settings; no text is copied from any outlet or from ../shared). `build_corpus(n)` samples and
recombines their paragraphs into `n` distinct documents of varied length, deterministically
for a given seed, so every benchmark (and every subprocess) sees the same texts.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One hand-written report: headline, dateline and body paragraphs."""

    key: str
    published: str
    outlet: str
    headline: str
    dateline: str
    paragraphs: tuple[str, ...]


ARTICLES: tuple[Article, ...] = (
    Article(
        "somalia_lower_shabelle", "2024-02-14", "Horn Wire",
        "Al-Shabaab fighters storm army outpost in Lower Shabelle",
        "MOGADISHU, Somalia (Horn Wire) —",
        (
            "Al-Shabaab fighters attacked a Somali army outpost near the town of Qoryoley before dawn on "
            "Tuesday, killing at least seven soldiers, a regional commander said.",
            "The militants first detonated a car bomb at the gate of the base and then opened fire on "
            "troops inside, Major Abdirahman Hassan told reporters by telephone. He said soldiers "
            "repelled the attack after a two-hour gun battle and that 12 attackers were killed.",
            "The al-Qaeda-linked group said in a statement on one of its websites that its fighters had "
            "killed 31 soldiers and seized weapons and vehicles. The figures could not be independently "
            "verified.",
            "Residents said the fighting could be heard across the district and that several families "
            "fled toward Marka. \"We stayed under our beds until the shooting stopped,\" said one "
            "shopkeeper, who asked not to be named for fear of reprisals.",
            "The Somali government has pledged to drive al-Shabaab out of its remaining strongholds in "
            "central and southern Somalia before African Union troops complete their drawdown.",
        ),
    ),
    Article(
        "kenya_lamu_ied", "2024-05-08", "East Africa Desk",
        "Roadside bomb kills police officers in Kenya's Lamu county",
        "NAIROBI, Kenya —",
        (
            "Five Kenyan police officers were killed on Monday when their vehicle struck a roadside "
            "bomb in Lamu county near the border with Somalia, police said.",
            "The officers were escorting a convoy of buses along the Lamu-Garissa road when the "
            "explosive device went off, according to a police report seen by reporters. Two other "
            "officers were wounded and airlifted to Nairobi for treatment.",
            "No group immediately claimed responsibility, but a senior police official blamed "
            "al-Shabaab militants, who have planted similar devices in the Boni forest area in recent "
            "months.",
            "Interior Minister Kithure Kindiki said security operations in the region would be stepped "
            "up and warned that those who harbour the attackers would face prosecution.",
        ),
    ),
    Article(
        "sudan_el_obeid_shelling", "2024-06-20", "Nile Report",
        "Shelling of El Obeid market kills civilians, medics say",
        "PORT SUDAN, Sudan —",
        (
            "Artillery shells struck a crowded market in El Obeid, the capital of North Kordofan state, "
            "on Wednesday, killing at least 19 civilians and wounding dozens, a local medical group said.",
            "The Sudan Doctors Network accused the paramilitary Rapid Support Forces (RSF) of firing the "
            "shells from positions east of the city. The RSF denied involvement and said in a statement "
            "that the army had shelled the market to discredit its forces.",
            "Sudan's war between the army and the RSF began in April 2023 and has killed tens of "
            "thousands of people, according to United Nations estimates, while forcing more than ten "
            "million from their homes.",
            "Aid agencies said the Kordofan region had become a new front line as both sides try to "
            "control supply routes between Darfur and the capital, Khartoum.",
        ),
    ),
    Article(
        "sudan_drone_port_sudan", "2025-05-05", "Nile Report",
        "Drones hit fuel depot and airport in Port Sudan",
        "PORT SUDAN, Sudan —",
        (
            "Drones struck a fuel depot and a military air base near the airport of Port Sudan early on "
            "Sunday, starting large fires, the Sudanese army said.",
            "Army spokesman Nabil Abdallah said air defences shot down several of the drones but that "
            "others hit the depot and a hangar at Osman Digna air base. He said there were no casualties.",
            "The army blamed the Rapid Support Forces for the attack, the first on the Red Sea city since "
            "the war began. The RSF did not comment.",
            "Port Sudan has hosted the army-aligned government and United Nations agencies since fighting "
            "forced them out of Khartoum. Flights were suspended for the rest of the day, airport "
            "officials said.",
        ),
    ),
    Article(
        "ukraine_kharkiv_glide_bomb", "2024-05-26", "Eastern Europe Wire",
        "Russian glide bombs hit Kharkiv hardware store",
        "KYIV, Ukraine —",
        (
            "Russian forces struck a large hardware store in Kharkiv with two guided aerial bombs on "
            "Saturday afternoon, killing at least 12 people and injuring 43, regional governor Oleh "
            "Syniehubov said.",
            "About 200 people may have been inside the building when the bombs hit, Syniehubov said on "
            "Telegram, adding that rescuers were still searching for 16 people reported missing.",
            "President Volodymyr Zelenskiy called the attack \"another manifestation of Russian madness\" "
            "and renewed calls for Western allies to supply more air defence systems.",
            "Russia's defence ministry did not comment on the strike. Moscow says it does not target "
            "civilians, but its forces have repeatedly hit residential areas of Kharkiv, Ukraine's "
            "second-largest city, which lies about 30 km from the Russian border.",
        ),
    ),
    Article(
        "ukraine_belgorod_drones", "2024-03-17", "Eastern Europe Wire",
        "Ukrainian drones target Belgorod region, Russia says",
        "MOSCOW —",
        (
            "Russia's defence ministry said on Sunday that its air defence units had destroyed 35 "
            "Ukrainian drones overnight over the Belgorod, Kursk and Voronezh regions.",
            "Belgorod governor Vyacheslav Gladkov said one woman was killed and three people were "
            "wounded when debris fell on a residential street in the city of Belgorod. Several cars and "
            "a school building were damaged.",
            "Ukraine does not usually comment on attacks inside Russia, but a source in Ukraine's "
            "military intelligence agency said the drones had targeted an oil depot and an air base.",
            "Kyiv has stepped up long-range drone strikes on Russian energy facilities in recent weeks, "
            "saying they are legitimate military targets.",
        ),
    ),
    Article(
        "yemen_houthi_red_sea", "2024-01-27", "Gulf Maritime News",
        "Houthi missile sets tanker ablaze in Gulf of Aden",
        "DUBAI, United Arab Emirates —",
        (
            "Yemen's Houthi rebels fired an anti-ship missile at a British-linked oil tanker in the Gulf "
            "of Aden on Friday, setting it on fire, the U.S. military and the ship's operator said.",
            "The Marshall Islands-flagged tanker Marlin Luanda was hit about 60 nautical miles southeast "
            "of Aden, according to the British military's United Kingdom Maritime Trade Operations "
            "agency. The crew fought the blaze for several hours and no injuries were reported.",
            "Houthi military spokesman Yahya Saree said in a televised statement that the group's naval "
            "forces had targeted the vessel with \"a number of appropriate naval missiles\" and vowed "
            "to continue attacks until Israel ends its offensive in Gaza.",
            "The Iranian-backed group has attacked dozens of merchant ships since November, forcing many "
            "shipping companies to divert vessels around the Cape of Good Hope.",
        ),
    ),
    Article(
        "yemen_us_strikes_hodeidah", "2024-02-04", "Gulf Maritime News",
        "U.S. and British jets strike Houthi targets around Hodeidah",
        "WASHINGTON —",
        (
            "American and British warplanes struck 36 Houthi targets across Yemen on Saturday, including "
            "underground storage sites, missile launchers and radars, the Pentagon said.",
            "The strikes hit 13 locations, among them sites near the port city of Hodeidah and the "
            "capital, Sanaa, U.S. Defense Secretary Lloyd Austin said in a statement.",
            "The Houthi-run Saba news agency said the raids targeted several districts of Hodeidah "
            "province but gave no details of casualties. A Houthi official warned that the attacks "
            "\"will not go unanswered\".",
            "Washington says the strikes are meant to degrade the group's ability to attack shipping in "
            "the Red Sea rather than to widen the conflict.",
        ),
    ),
    Article(
        "iraq_drone_base", "2024-01-30", "Levant Dispatch",
        "Drone attack on U.S. base in Syria wounds troops",
        "BAGHDAD —",
        (
            "A one-way attack drone struck a base housing U.S. troops in eastern Syria on Monday, "
            "wounding four service members, a U.S. defense official said on condition of anonymity.",
            "The Islamic Resistance in Iraq, an umbrella group of Iranian-backed militias, claimed "
            "responsibility for the attack on the al-Tanf garrison and two other bases in a post on "
            "Telegram.",
            "The official said the wounded troops suffered minor injuries and had returned to duty. "
            "There was no damage to the base's infrastructure, the official added.",
            "U.S. forces in Iraq and Syria have been attacked more than 160 times since October, "
            "according to the Pentagon, which has responded with strikes on militia facilities.",
        ),
    ),
    Article(
        "iraq_isis_kirkuk", "2023-12-19", "Levant Dispatch",
        "Islamic State ambush kills soldiers in Kirkuk province",
        "KIRKUK, Iraq —",
        (
            "Islamic State militants ambushed an Iraqi army patrol in a village south of Kirkuk late on "
            "Sunday, killing three soldiers and an officer, two security sources said.",
            "The attackers used a roadside bomb to stop the patrol before opening fire with machine guns, "
            "the sources said. Reinforcements were sent and the militants fled toward the Hamrin "
            "mountains.",
            "Iraq declared victory over Islamic State in 2017, but the group's remaining cells still "
            "carry out hit-and-run attacks in the rugged areas between Kirkuk, Diyala and Salahuddin "
            "provinces.",
        ),
    ),
    Article(
        "syria_idlib_airstrikes", "2024-10-16", "Levant Dispatch",
        "Airstrikes on Idlib market kill 10, rescuers say",
        "BEIRUT, Lebanon —",
        (
            "Airstrikes hit a vegetable market in the city of Idlib in northwest Syria on Wednesday, "
            "killing at least 10 people, including children, the Syrian Civil Defence rescue group said.",
            "The group, also known as the White Helmets, blamed Russian warplanes for the raids. Russia's "
            "military said in a statement that its aircraft had struck \"terrorist training camps\" "
            "near Idlib and denied hitting civilian sites.",
            "The Britain-based Syrian Observatory for Human Rights, a war monitor, put the death toll at "
            "11 and said 30 people were wounded.",
            "Idlib is controlled by Hayat Tahrir al-Sham, a former al-Qaeda affiliate, and is home to "
            "millions of people displaced from other parts of Syria.",
        ),
    ),
    Article(
        "lebanon_israel_strike", "2024-08-03", "Levant Dispatch",
        "Israeli strike on car in south Lebanon kills Hezbollah commander",
        "BEIRUT, Lebanon —",
        (
            "An Israeli drone strike on a car near the southern Lebanese town of Nabatieh killed a "
            "Hezbollah field commander and another man on Saturday, two security sources said.",
            "The Israeli military said its aircraft had struck a Hezbollah operative responsible for "
            "rocket launches toward northern Israel.",
            "Hezbollah said later that it had fired dozens of Katyusha rockets at the Israeli town of "
            "Beit Hillel in response. Israel's military said most of the rockets were intercepted and "
            "no injuries were reported.",
            "Hezbollah and Israel have exchanged fire almost daily since October, displacing tens of "
            "thousands of people on both sides of the border.",
        ),
    ),
    Article(
        "gaza_school_strike", "2024-07-10", "Middle East Desk",
        "Strike on school sheltering displaced families in Gaza",
        "CAIRO —",
        (
            "An Israeli airstrike hit a school sheltering displaced families in Khan Younis in the "
            "southern Gaza Strip on Tuesday, killing at least 27 people, the Gaza health ministry said.",
            "The Israeli military said it had targeted a Hamas militant who took part in the October 7 "
            "attack and that it had taken steps to reduce the risk to civilians.",
            "Witnesses said the missile hit the entrance of the school as people gathered near a food "
            "stall. \"There were children everywhere,\" said Mahmoud, a father of four.",
            "Hamas said the strike was a massacre. The claims could not be immediately verified.",
        ),
    ),
    Article(
        "nigeria_borno_iswap", "2024-03-12", "Sahel and Lake Chad Wire",
        "Jihadists kill farmers in Nigeria's Borno state",
        "MAIDUGURI, Nigeria —",
        (
            "Suspected jihadists killed at least 14 farmers harvesting beans near the village of "
            "Mafa in Nigeria's northeastern Borno state on Sunday, a local militia leader said.",
            "Babakura Kolo, a leader of the Civilian Joint Task Force, said the gunmen arrived on "
            "motorcycles and shot the farmers in their fields. Several others were abducted, he said.",
            "He blamed fighters of the Islamic State West Africa Province (ISWAP), which has accused "
            "farmers of passing information to the army and the militia.",
            "Boko Haram and its rival ISWAP have killed more than 40,000 people in northeast Nigeria "
            "since 2009, according to the United Nations.",
        ),
    ),
    Article(
        "nigeria_zamfara_kidnap", "2024-09-22", "Sahel and Lake Chad Wire",
        "Gunmen abduct dozens of villagers in Zamfara",
        "GUSAU, Nigeria —",
        (
            "Armed gangs abducted at least 40 people, most of them women and children, in a raid on a "
            "village in Nigeria's northwestern Zamfara state on Thursday night, residents said.",
            "The gunmen, known locally as bandits, rode into Kaura Namoda district on motorcycles and "
            "fired into the air before herding villagers into the bush, one resident said by phone.",
            "Zamfara police spokesman Yazid Abubakar confirmed the attack but said only 22 people had "
            "been taken. He said police and soldiers were searching the area.",
            "Kidnappings for ransom have become common across northwest Nigeria, where heavily armed "
            "gangs operate from forest camps.",
        ),
    ),
    Article(
        "mali_jnim_convoy", "2024-07-29", "Sahel and Lake Chad Wire",
        "Fighting near Algerian border kills Malian soldiers and Russian mercenaries",
        "BAMAKO, Mali —",
        (
            "Separatist rebels and jihadists said on Sunday they had killed dozens of Malian soldiers and "
            "Russian Wagner mercenaries in several days of fighting near Tinzaouaten, close to the "
            "border with Algeria.",
            "The Strategic Framework for the Defense of the People of Azawad, a coalition of mainly "
            "Tuareg rebel groups, said its fighters had destroyed several armoured vehicles. The "
            "al-Qaeda-linked JNIM said in a separate statement that it had killed 47 soldiers and 84 "
            "Russians.",
            "Mali's army acknowledged \"significant losses\" in a statement but did not give figures. "
            "Wagner did not comment.",
            "Mali's military rulers turned to Russia for security help after expelling French troops "
            "in 2022.",
        ),
    ),
    Article(
        "burkina_faso_barsalogho", "2024-08-27", "Sahel and Lake Chad Wire",
        "Militants attack villagers digging trenches in Burkina Faso",
        "OUAGADOUGOU, Burkina Faso —",
        (
            "Islamist militants attacked villagers who were digging defensive trenches around the town "
            "of Barsalogho in central Burkina Faso on Saturday, killing scores of people, residents and "
            "a security source said.",
            "JNIM, the al-Qaeda affiliate active across the Sahel, claimed the attack and said it had "
            "targeted members of a pro-government militia.",
            "Videos shared on social media showed bodies lying in a trench. A government minister said "
            "the attack was carried out by \"terrorist hordes\" but gave no death toll.",
            "The junta that seized power in 2022 had ordered residents to help dig the trenches, "
            "according to aid workers in the region.",
        ),
    ),
    Article(
        "drc_m23_goma", "2024-02-18", "Great Lakes Monitor",
        "Shelling near Goma as M23 rebels advance",
        "GOMA, Democratic Republic of Congo —",
        (
            "Shells fired from rebel positions landed in a camp for displaced people on the outskirts of "
            "Goma on Saturday, killing at least five people, camp officials and the Congolese army said.",
            "The army blamed the M23 rebel group, which the United Nations and Western governments say "
            "is backed by Rwanda. Rwanda denies supporting the group.",
            "M23 spokesman Lawrence Kanyuka said in a post on X that the rebels had not fired on "
            "civilians and accused the army of shelling the camp.",
            "Fighting around the town of Sake, about 25 km west of Goma, has forced tens of thousands of "
            "people to flee toward the city in recent weeks.",
        ),
    ),
    Article(
        "drc_adf_beni", "2024-06-09", "Great Lakes Monitor",
        "ADF militants kill villagers in eastern Congo",
        "BENI, Democratic Republic of Congo —",
        (
            "Fighters of the Allied Democratic Forces (ADF) killed at least 40 people in overnight raids "
            "on villages in Beni territory of North Kivu province, a local official said on Friday.",
            "The attackers used machetes and guns and set fire to houses, said Kivu civil society leader "
            "Samuel Kakule. The army said it was pursuing the assailants.",
            "The ADF, which originated in Uganda, pledged allegiance to Islamic State in 2019. The group "
            "has been blamed for thousands of deaths in eastern Congo.",
        ),
    ),
    Article(
        "myanmar_sagaing_airstrike", "2024-11-03", "Mekong Report",
        "Military airstrike on village in Myanmar's Sagaing kills 11",
        "BANGKOK, Thailand —",
        (
            "A Myanmar military jet bombed a village in Sagaing region on Thursday, killing at least 11 "
            "civilians including three children, a local resistance group and residents said.",
            "The bombs struck a monastery where villagers had gathered for a religious ceremony, said a "
            "member of the local People's Defence Force, who spoke on condition of anonymity.",
            "A spokesman for the military government said troops had targeted \"terrorist\" fighters in "
            "the area and denied attacking civilians.",
            "Myanmar has been in turmoil since the army seized power in a coup in February 2021, and "
            "the military has increasingly relied on air power against armed resistance groups.",
        ),
    ),
    Article(
        "pakistan_ttp_checkpost", "2024-10-25", "South Asia Wire",
        "Militants attack checkpost in northwest Pakistan, killing 10 paramilitaries",
        "PESHAWAR, Pakistan —",
        (
            "Militants attacked a security checkpost in Pakistan's Dera Ismail Khan district late on "
            "Thursday, killing 10 members of the paramilitary Frontier Constabulary, police said.",
            "The attackers used heavy weapons and fled after the assault, taking weapons from the post, "
            "district police chief Nasir Mehmood said.",
            "The Pakistani Taliban, known as Tehreek-e-Taliban Pakistan (TTP), claimed responsibility. "
            "Islamabad accuses Afghanistan's Taliban government of sheltering TTP fighters, which Kabul "
            "denies.",
            "Attacks on security forces in Khyber Pakhtunkhwa province have risen sharply since the TTP "
            "ended a ceasefire with the government in late 2022.",
        ),
    ),
    Article(
        "pakistan_balochistan_train", "2024-11-09", "South Asia Wire",
        "Suicide bombing at Quetta railway station kills 26",
        "QUETTA, Pakistan —",
        (
            "A suicide bomber blew himself up at the main railway station in Quetta on Saturday, killing "
            "at least 26 people, including soldiers waiting for a train, officials said.",
            "The separatist Balochistan Liberation Army (BLA) claimed responsibility, saying it had "
            "targeted an army unit returning from training.",
            "\"The bomber was carrying about eight kilograms of explosives,\" a senior police officer "
            "said, speaking on condition of anonymity. More than 60 people were wounded.",
            "Prime Minister Shehbaz Sharif condemned the bombing and vowed that those responsible would "
            "pay \"a very heavy price\".",
        ),
    ),
    Article(
        "afghanistan_kabul_bombing", "2024-09-03", "South Asia Wire",
        "Bomb blast in southern Kabul kills six",
        "KABUL, Afghanistan —",
        (
            "A suicide bomber killed six people and wounded 13 in the Qala-e-Bakhtiar area of southern "
            "Kabul on Monday, a Taliban police spokesman said.",
            "Spokesman Khalid Zadran said a woman was among the dead and that the bomber had been "
            "stopped before he could reach a crowded area.",
            "Islamic State's regional branch, Islamic State Khorasan Province, claimed the attack "
            "through its Amaq news agency.",
        ),
    ),
    Article(
        "colombia_eln_cauca", "2024-05-21", "Andean Report",
        "Explosive attack on police station in Colombia's Cauca",
        "BOGOTA, Colombia —",
        (
            "Guerrillas attacked a police station in the town of Morales in Colombia's southwestern "
            "Cauca province with explosives and rifles on Monday, killing two police officers, the "
            "defence ministry said.",
            "The ministry blamed a dissident faction of the former FARC rebels known as the Central "
            "General Staff, which has been in on-and-off talks with the government.",
            "Residents said the fighting lasted more than 20 hours and that several homes were "
            "destroyed. The army sent troops and helicopters to the area.",
            "President Gustavo Petro said the attack showed the group was not serious about peace and "
            "suspended part of a ceasefire in the region.",
        ),
    ),
    Article(
        "mexico_michoacan_drones", "2024-04-15", "Americas Desk",
        "Cartel drones drop explosives on villages in Michoacan",
        "MEXICO CITY —",
        (
            "Drug cartel gunmen used drones to drop explosives on two villages in Mexico's western "
            "Michoacan state over the weekend, wounding four people, state officials said.",
            "The Jalisco New Generation Cartel has been fighting a local gang for control of the area, "
            "prosecutors said, and has used homemade bombs carried by drones for more than a year.",
            "Dozens of families left their homes after the attacks, a local priest said. The "
            "National Guard sent reinforcements on Sunday.",
        ),
    ),
    Article(
        "haiti_gangs_port_au_prince", "2024-03-04", "Caribbean Wire",
        "Gangs attack Haiti's main prison, freeing inmates",
        "PORT-AU-PRINCE, Haiti —",
        (
            "Armed gangs stormed Haiti's largest prison in Port-au-Prince on Saturday night, freeing "
            "most of its roughly 4,000 inmates, the government said, after a weekend of violence in the "
            "capital.",
            "At least 12 people were killed, including three prison officers, according to a human "
            "rights group. Bodies lay at the prison gates on Sunday morning.",
            "Gang leader Jimmy Cherizier, known as Barbecue, said in a video that the gangs wanted to "
            "force the resignation of Prime Minister Ariel Henry.",
            "The government declared a state of emergency and a night-time curfew in the West "
            "department.",
        ),
    ),
    Article(
        "ethiopia_amhara_fano", "2024-01-16", "Horn Wire",
        "Drone strike in Ethiopia's Amhara region kills civilians, residents say",
        "ADDIS ABABA, Ethiopia —",
        (
            "A drone strike hit a busy road near the town of Bahir Dar in Ethiopia's Amhara region on "
            "Sunday, killing at least eight civilians, three residents and a health worker said.",
            "Residents blamed the Ethiopian military, which has been fighting the Fano militia in the "
            "region since August. A government spokesman did not respond to requests for comment.",
            "Fano fighters said in a statement that they had captured several towns in the past week, "
            "a claim the government rejected.",
            "The United Nations human rights office has documented dozens of civilian deaths in drone "
            "strikes in Amhara and called for independent investigations.",
        ),
    ),
    Article(
        "mozambique_cabo_delgado", "2024-02-26", "Southern Africa Wire",
        "Insurgents raid town in Mozambique's Cabo Delgado",
        "MAPUTO, Mozambique —",
        (
            "Islamist insurgents attacked the town of Mocimboa da Praia in Mozambique's northern Cabo "
            "Delgado province on Friday, burning churches and a health centre, local sources said.",
            "Islamic State Mozambique Province claimed the attack and said its fighters had killed "
            "several soldiers, a claim that could not be verified.",
            "Rwandan troops, deployed in the province since 2021 to help Mozambique fight the "
            "insurgency, said they had pushed the attackers back after a gun battle.",
            "More than 60,000 people have fled their homes in the province since the start of the year, "
            "the International Organization for Migration said.",
        ),
    ),
    Article(
        "red_sea_bulk_carrier", "2024-06-13", "Gulf Maritime News",
        "Bulk carrier hit by sea drone off Yemen, crew evacuated",
        "LONDON —",
        (
            "A Greek-owned bulk carrier was hit by an explosive-laden uncrewed surface vessel off the "
            "Yemeni port of Hodeidah on Wednesday, causing severe flooding, a British maritime agency "
            "said.",
            "The Liberian-flagged Tutor was struck on its stern and later hit by an unknown airborne "
            "projectile, according to the United Kingdom Maritime Trade Operations agency.",
            "The Houthis claimed the attack. A U.S. Navy helicopter later evacuated the crew, and one "
            "seafarer was reported missing, the U.S. Central Command said.",
            "Shipping insurers said the attack showed the Houthis' growing ability to hit ships with "
            "sea drones, a new threat for vessels using the Bab el-Mandeb strait.",
        ),
    ),
    Article(
        "cameroon_anglophone", "2024-11-18", "Central Africa Wire",
        "Separatists accused of killing villagers in Cameroon's Northwest region",
        "YAOUNDE, Cameroon —",
        (
            "Suspected separatist fighters killed six villagers and burned several homes in Cameroon's "
            "English-speaking Northwest region on Saturday, a local administrator said.",
            "The attackers accused the victims of collaborating with the army, the administrator said, "
            "speaking on condition of anonymity because he was not authorised to speak to the press.",
            "A separatist commander denied the accusation in a video on social media and blamed "
            "government soldiers for the killings.",
            "The conflict between separatists and the government, which began in 2017, has killed more "
            "than 6,000 people, according to the International Crisis Group.",
        ),
    ),
    Article(
        "south_sudan_jonglei", "2024-12-02", "Nile Report",
        "Cattle raid leaves dozens dead in South Sudan's Jonglei state",
        "JUBA, South Sudan —",
        (
            "Armed youths from a neighbouring area attacked cattle camps in South Sudan's Jonglei state "
            "on Thursday, killing at least 32 people and stealing thousands of cows, a state official "
            "said.",
            "Jonglei information minister Jacob Akech said the attackers came from the Greater Pibor "
            "Administrative Area and that 20 people were wounded, mostly women and children.",
            "The United Nations peacekeeping mission said it had sent patrols to the area and called on "
            "community leaders to prevent revenge attacks.",
        ),
    ),
    Article(
        "niger_tillaberi_ambush", "2024-12-14", "Sahel and Lake Chad Wire",
        "Ambush kills Nigerien soldiers near Burkina Faso border",
        "NIAMEY, Niger —",
        (
            "Jihadist fighters ambushed a Nigerien army convoy near the village of Tassia in the "
            "Tillaberi region on Tuesday, killing 21 soldiers, the defence ministry said on Thursday.",
            "The ministry said that the army had killed about 40 attackers in the fighting and in "
            "airstrikes that followed, and that reinforcements had been sent.",
            "The Islamic State Sahel Province said on Telegram that its fighters had killed more than 30 "
            "soldiers and seized vehicles.",
            "Niger's military government has struggled to contain jihadist violence since ousting "
            "President Mohamed Bazoum in July 2023.",
        ),
    ),
    Article(
        "philippines_npa_clash", "2024-04-02", "Mekong Report",
        "Clash with communist rebels kills soldiers in the Philippines",
        "MANILA, Philippines —",
        (
            "Four soldiers were killed in a clash with communist New People's Army (NPA) rebels in the "
            "central Philippine province of Negros Oriental on Sunday, the army said.",
            "The fighting broke out when troops responded to reports that rebels were extorting money "
            "from farmers in the mountains, an army spokesman said. Two rebels were also killed.",
            "The NPA has waged a Maoist-inspired insurgency since 1969. Peace talks between the rebels "
            "and the government have repeatedly broken down.",
        ),
    ),
    Article(
        "libya_tripoli_clashes", "2023-08-16", "Maghreb Wire",
        "Clashes between armed groups in Tripoli kill 27",
        "TRIPOLI, Libya —",
        (
            "Fighting between two powerful armed groups in Libya's capital Tripoli killed at least 27 "
            "people and wounded more than 100, the emergency medicine centre said on Wednesday.",
            "The clashes erupted on Monday night after the 444 Brigade said one of its commanders had "
            "been detained at Mitiga airport by the Special Deterrence Force, a rival armed group.",
            "Gunfire and explosions were heard across southern districts of the city and flights at "
            "Mitiga were diverted. A ceasefire was agreed on Tuesday after tribal elders intervened.",
            "Libya has had little stability since a NATO-backed uprising toppled Moammar Gadhafi in "
            "2011, and armed groups control much of the capital.",
        ),
    ),
)

#: filler sentences that lengthen documents without reading like conflict reports
BOILERPLATE: tuple[str, ...] = (
    "This story has been updated with additional reporting.",
    "Reporting by staff correspondents; editing by the regional desk.",
    "The figures could not be independently confirmed.",
)


def _document(rng: random.Random, index: int) -> dict:
    """One document: an article's headline, dateline-led lead and a sample of its other
    paragraphs; some are round-ups that append paragraphs or a second report from elsewhere."""
    art = rng.choice(ARTICLES)
    rest = list(art.paragraphs[1:])
    keep = sorted(rng.sample(range(len(rest)), rng.randint(1, len(rest))))
    body = [f"{art.dateline} {art.paragraphs[0]}", *(rest[i] for i in keep)]
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        other = rng.choice(ARTICLES)
        if other is not art:
            body.append("In other developments, " + rng.choice(other.paragraphs))
    if rng.random() < 0.2:
        other = rng.choice(ARTICLES)
        if other is not art:
            body.extend([other.headline, f"{other.dateline} {other.paragraphs[0]}", *other.paragraphs[1:]])
    if rng.random() < 0.3:
        body.append(rng.choice(BOILERPLATE))
    published = dt.date.fromisoformat(art.published) + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    return {
        "text": art.headline + "\n\n" + "\n\n".join(body) + "\n",
        "published": published.isoformat(),
        "outlet": art.outlet,
        "url": f"https://bench.example.org/{art.key}/{index}",
        "doc_id": f"bench-{index:05d}",
    }


def build_corpus(n: int, seed: int = 13) -> list[dict]:
    """`n` documents with distinct texts (dicts accepted by `conflictner.extract_many`),
    deterministic per seed."""
    rng = random.Random(seed)
    seen: set[str] = set()
    docs: list[dict] = []
    while len(docs) < n:
        doc = _document(rng, len(docs))
        if doc["text"] not in seen:
            seen.add(doc["text"])
            docs.append(doc)
    return docs


def word_count(texts: list[str]) -> int:
    """Whitespace-separated words: the same count for both pipelines being compared."""
    return sum(len(t.split()) for t in texts)


if __name__ == "__main__":  # a look at the corpus: python -m tests.benchmarks.corpus
    docs = build_corpus(1000)
    words = [len(d["text"].split()) for d in docs]
    print(f"{len(ARTICLES)} articles; 1000 docs, {sum(words)} words, "
          f"{min(words)}-{max(words)} words/doc, {len({d['text'] for d in docs})} distinct texts")
    print(docs[0]["text"])
