"""What the demo's reports say: per effort its follow-up in September and at the
year's end, per district what the reports add. Written as an area developer
would, in the tense of the report (the interim report in September in the
present, the annual report early next year in the past). Illustrative, not
real outcomes. Used by ``planning.demo``.
"""

from planning.models import FollowUpStatus

DONE, ONGOING, POSTPONED, NOT_STARTED = (
    FollowUpStatus.DONE, FollowUpStatus.ONGOING, FollowUpStatus.POSTPONED, FollowUpStatus.NOT_STARTED,
)

# effort title: {report kind: (status, what was done, outcome against the indicators)};
# "continued" is the interim report of the year after, for an effort carried forward.
FOLLOW_UP = {
    # Alby
    "Sommarlovsaktiviteter i Alby": {
        "interim": (DONE, "Aktiviteter varje vardag 16 juni–15 augusti på Albyberget och i Alby centrum, med sex föreningar.",
                    "412 unika deltagare (mål 400), 46 % flickor: båda målen nåddes."),
        "annual": (DONE, "Aktiviteter varje vardag under hela sommarlovet med sex föreningar; utvärdering med föreningarna i oktober.",
                   "412 unika deltagare (mål 400) och 46 % flickor. Föreningarna vill fortsätta och börja planera i mars."),
    },
    "Trygghetsvandringar": {
        "interim": (ONGOING, "Tre av fyra vandringar är genomförda (mars, maj och september); den sista är i november.",
                    "14 platser på åtgärdslistan, 9 åtgärdade, bland annat belysningen vid gångtunneln."),
        "annual": (DONE, "Fyra vandringar med boende, Botkyrkabyggen och kommunpolisen; åtgärdslistan följdes upp efter varje.",
                   "15 av 19 platser åtgärdade. Andelen otrygga i trygghetsmätningen sjönk från 41,6 till 38,1 %."),
    },
    "Läxhjälp på biblioteket": {
        "interim": (ONGOING, "Läxhjälp tisdag–torsdag hela vårterminen; höstterminen började 1 september.",
                    "1 150 besök under vårterminen."),
        "annual": (DONE, "Läxhjälp tre kvällar i veckan båda terminerna, med 14 studentvolontärer.",
                   "2 380 besök under året. Behörigheten till gymnasiet sjönk ändå till 68,7 %; läxhjälpen behöver nå fler i årskurs 9."),
    },
    "Jobbspår för unga vuxna": {
        "interim": (POSTPONED, "Starten flyttades från mars till augusti: handledarna från Botkyrka Jobbcenter kom på plats först då.",
                    ""),
        "annual": (ONGOING, "Tolv unga vuxna började i augusti–november; sex är kvar i praktik vid årsskiftet.",
                   "Fyra av de sex som avslutat är i arbete eller studier. Insatsen fortsätter nästa år."),
        "continued": (ONGOING, "Fortsätter från förra året, nu med handledare på plats från januari; 15 unga vuxna har börjat.",
                      "Sju i arbete eller studier hittills."),
    },
    "Föreningsstöd genom IOP med Alby IF": {
        "interim": (ONGOING, "Öppen idrott i Albyhallen fredagar och lördagar kl. 19–23.",
                    "I snitt 45 deltagare per kväll, en tredjedel flickor."),
        "annual": (DONE, "78 öppna kvällar under året enligt IOP-avtalet.",
                   "I snitt 48 deltagare per kväll; Alby IF har fått åtta nya unga ledare."),
    },
    # Fittja
    "Språkcafé på Fittja gård": {
        "interim": (ONGOING, "Språkcafé varje onsdag på Fittja gård med frivilliga samtalsledare.",
                    "I snitt 22 deltagare per tillfälle."),
        "annual": (DONE, "40 träffar under året; ett extra språkcafé för föräldrar på lördagar från oktober.",
                   "I snitt 24 deltagare per tillfälle; 31 deltagare gick vidare till SFI eller en arbetsmarknadsinsats."),
    },
    "Sommarlovsaktiviteter i Fittja": {
        "interim": (DONE, "Lovaktiviteter i åtta veckor med fyra föreningar och fritidsgården, två tjejdagar i veckan.",
                    "Omkring 310 unika deltagare, fler flickor än förra sommaren."),
        "annual": (DONE, "Lovaktiviteter i åtta veckor med fyra föreningar och fritidsgården.",
                   "Omkring 310 unika deltagare. Tjejdagarna gav fler flickor och behålls."),
    },
    "Vuxna på stan kvällstid": {
        "interim": (ONGOING, "Föräldravandringar varannan fredag och fältassistenter i centrum varje helg.",
                    "36 vandringspass hittills i år."),
        "annual": (DONE, "Föräldravandringar och fältassistenter i centrum hela året, 58 vandringspass.",
                   "Polisen rapporterar färre ordningsstörningar i Fittja centrum kvällstid än året innan."),
    },
    "Jobbspår för unga": {
        "interim": (DONE, "Feriejobb och praktik i kommunens verksamheter i Fittja under sommaren.",
                    "46 platser, varav 41 tillsatta."),
        "annual": (DONE, "Feriejobb och praktik under sommaren, med handledarutbildning för verksamheterna i april.",
                   "41 unga fick feriejobb eller praktik; 9 av 10 handledare vill ta emot igen."),
    },
    # Hallunda-Norsborg
    "Läsfrämjande för förskolebarn": {
        "interim": (ONGOING, "Bokpåsar delas ut på BVC och förskolorna; sagostund varje lördag på Hallunda bibliotek.",
                    "380 utlånade bokpåsar hittills."),
        "annual": (DONE, "Bokpåsar på BVC och förskolorna och sagostund varje lördag hela året.",
                   "640 utlånade bokpåsar; sagostunderna hade i snitt 30 besökare."),
    },
    "Trygghetsvandringar i Hallunda centrum": {
        "interim": (ONGOING, "Två vandringar är genomförda (april och september) med handlare och fastighetsägare.",
                    "Sju åtgärder beställda, fyra utförda."),
        "annual": (DONE, "Tre vandringar med handlare, fastighetsägare och kommunpolisen.",
                   "Elva åtgärder utförda, bland annat ny belysning vid tunnelbaneuppgången."),
    },
    "Naturdagar i Eriksberg": {
        "interim": (POSTPONED, "Två av fyra naturdagar hölls i maj och juni; augustis två ställdes in på grund av brandrisk.",
                    "Omkring 90 deltagare på de två dagarna."),
        "annual": (POSTPONED, "Två av fyra naturdagar hölls; de två som ställdes in i augusti flyttas till nästa år.",
                   "Omkring 90 deltagare, de flesta barnfamiljer från Hallunda."),
        "continued": (DONE, "Förra årets två inställda naturdagar hölls i maj, årets två i juni och början av september.",
                      "Omkring 200 deltagare på fyra dagar."),
    },
    "Jobbspår i Hallunda": {
        "interim": (ONGOING, "Nio praktikplatser i handeln i Hallunda centrum är tillsatta.",
                    ""),
        "annual": (DONE, "14 praktikplatser i handeln i Hallunda centrum under året.",
                   "Sex av fjorton deltagare hade arbete efter praktiken."),
    },
    # Tullinge
    "Mötesplats för unga i Tullinge": {
        "interim": (ONGOING, "Öppet fredagar kl. 18–23 i Tullinge centrum, med två fritidsledare.",
                    "I snitt 35 besökare per kväll."),
        "annual": (DONE, "Öppet 44 fredagar under året.",
                   "I snitt 38 besökare per kväll, 40 % flickor."),
    },
    "Trafiksäkra skolvägar": {
        "interim": (ONGOING, "Kartläggningen med föräldrar och elever på tre skolor blev klar i maj; åtgärdslistan ligger hos samhällsbyggnadsförvaltningen.",
                    "4 av 12 punkter åtgärdade."),
        "annual": (ONGOING, "Åtta av tolv punkter åtgärdades; övergångsstället vid Tullinge skola byggs om i vår.",
                   "8 av 12 punkter åtgärdade. Insatsen fortsätter nästa år."),
        "continued": (DONE, "Övergångsstället vid Tullinge skola är ombyggt och de sista fyra punkterna åtgärdade.",
                      "12 av 12 punkter åtgärdade."),
    },
    "Sommarlovsaktiviteter": {
        "interim": (DONE, "Idrottsskola i fyra veckor med tre idrottsföreningar.",
                    "Omkring 180 deltagare."),
        "annual": (DONE, "Idrottsskola i fyra veckor med tre idrottsföreningar.",
                   "Omkring 180 deltagare; föreningarna fick tolv nya medlemmar."),
    },
    # Tumba
    "Trygg i Tumba centrum": {
        "interim": (ONGOING, "Belysningen vid bussterminalen är utbytt; vuxennärvaro fredagar börjar i september.",
                    ""),
        "annual": (DONE, "Ny belysning vid bussterminalen och i passagen mot Tumba torg; vuxennärvaro fredagar under hösten.",
                   "Andelen otrygga i trygghetsmätningen sjönk från 21,6 till 17,0 %."),
    },
    "Vägar till arbete för unga vuxna": {
        "interim": (ONGOING, "22 unga vuxna har coachning; 15 har haft praktik.",
                    "Nio i arbete eller studier hittills."),
        "annual": (DONE, "31 deltagare under året, med coachning och praktik.",
                   "17 i arbete eller studier vid årets slut."),
    },
    "Läxhjälp i Tumba": {
        "interim": (ONGOING, "Läxhjälp måndagar och onsdagar på Tumba bibliotek.",
                    "640 besök under vårterminen."),
        "annual": (DONE, "Läxhjälp två kvällar i veckan båda terminerna.",
                   "1 420 besök under året."),
    },
    "Kulturkvällar på Tumba bruk": {
        "interim": (NOT_STARTED, "Första kulturkvällen är den 26 september.", ""),
        "annual": (DONE, "Sex kulturkvällar oktober–december tillsammans med kulturskolan.",
                   "I snitt 60 unga per kväll."),
    },
}

# district: what the interim report and the annual report add to the counted summary,
# and the annual report's lessons (Markdown, as an editor would write them).
REPORT_TEXT = {
    "alby": {
        "interim": "Sommarlovsaktiviteterna nådde fler barn än väntat, och trygghetsvandringarna har gett "
                   "en åtgärdslista som Botkyrkabyggen arbetar med.",
        "annual": "Sommarlovsaktiviteterna nådde fler barn än väntat och trygghetsvandringarna ledde till 15 "
                  "åtgärder i den fysiska miljön. Jobbspåret kom i gång sent och fortsätter nästa år.",
        "lessons": "Det som startade sent gjorde det för att resurser saknades i januari.\n\n"
                   "- Boka handledare till jobbspåret innan året börjar.\n"
                   "- Planera sommarlovet med föreningarna redan i mars.\n"
                   "- Följ upp trygghetsvandringarnas åtgärdslista med Botkyrkabyggen varje kvartal.",
    },
    "fittja": {
        "interim": "Språkcaféet och sommarlovet har fler deltagare än förra året. Vuxennärvaron i centrum "
                   "fungerar, men det är svårt att hitta föräldrar till vandringarna.",
        "annual": "Flest nåddes genom sommarlovet och feriejobben; språkcaféet blev en väg vidare "
                  "till SFI för många.",
        "lessons": "Föräldravandringarna bär bara om fler föräldrar delar på passen.\n\n"
                   "- Rekrytera vandrare via skolornas föräldramöten i augusti.\n"
                   "- Låt språkcaféet visa vägen till SFI och jobbcentret vid varje träff.",
    },
    "hallunda-norsborg": {
        "interim": "Läsfrämjandet och trygghetsvandringarna går enligt plan. Naturdagarna i augusti fick "
                   "ställas in på grund av brandrisk.",
        "annual": "Bokpåsarna nådde fler familjer än väntat; naturdagarna som ställdes in flyttas till "
                  "nästa år.",
        "lessons": "Utomhusaktiviteter i augusti behöver en reservdag.\n\n"
                   "- Planera naturdagarna till maj, juni och september.\n"
                   "- Fortsätt dela ut bokpåsar på BVC; där nås de familjer som inte går till biblioteket.",
    },
    "tullinge": {
        "interim": "Mötesplatsen har många besökare och sommarlovet är genomfört. Åtgärderna på skolvägarna "
                   "går långsammare än planerat.",
        "annual": "Mötesplatsen och sommarlovet genomfördes som planerat. Skolvägarna är till två tredjedelar "
                  "åtgärdade och arbetet fortsätter nästa år.",
        "lessons": "Åtgärder i gatumiljön tar längre tid än ett år.\n\n"
                   "- Lägg trafikåtgärderna i samhällsbyggnadsförvaltningens budget tidigt.\n"
                   "- Fråga de unga på mötesplatsen vad som ska hända på lördagarna.",
    },
    "tumba": {
        "interim": "Belysningen i centrum är på plats och vägarna till arbete har fler deltagare än väntat. "
                   "Kulturkvällarna börjar i september.",
        "annual": "Trygghetsmätningen visar färre otrygga i centrum, och 17 unga vuxna gick vidare till "
                  "arbete eller studier.",
        "lessons": "Samarbetet med kulturskolan gav kulturkvällarna fler besökare än väntat.\n\n"
                   "- Fortsätt med kulturkvällarna hela året, inte bara hösten.\n"
                   "- Mät tryggheten i centrum även mellan trygghetsmätningarna.",
    },
}
