// Stop words for term counts in free-text answers: common Finnish, Swedish and English function
// words (lower case). Data only. A word missing here only makes a term list a little noisier.

const FI = `ja on ei se että oli olla ole olen olet olemme olette ovat olisi ollut ollaan en et emme ette eivät
mutta tai kun jos niin kuin vaan vain myös sekä eli koska joka jotka mikä mitkä mitä missä mihin mistä milloin
miten miksi kuka ketkä kenen minä sinä hän me te he minun sinun hänen meidän teidän heidän minua sinua häntä
meitä teitä heitä minulla sinulla hänellä meillä teillä heillä minulle sinulle hänelle meille teille heille
minusta sinusta hänestä meistä teistä heistä tämä tuo nämä nuo tämän tuon näiden noiden tätä tuota näitä noita
tässä siinä tuossa täällä siellä tuolla tänne sinne tuonne sen sitä siitä siihen siinä niitä niiden niistä
niihin niissä ne joku jokin jotain joitakin kaikki kaikkea kaiken muu muut muuta muita itse oma oman omat
hyvin paljon vähän enemmän vähemmän aina usein joskus koskaan nyt sitten jo vielä taas sekä kanssa ilman
yli alle ennen jälkeen aikana kautta mukaan takia vuoksi asti saakka luona luo lähellä kohti yms jne esim
ihan aika todella tosi melko kyllä ehkä juuri jopa edes siis sillä joten vaikka kuitenkin mm eikä enkä etkä
voi voisi voin voit voimme voivat pitää pitäisi täytyy saa saisi saada tulee tulisi olisin olisit olisivat
kanssa kuten noin yksi kaksi kolme ettei jotta mieleen mielestä mielestäni minusta mun mulle mulla mä sä`;

const SV = `och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan
man när år säga hon nu ska också efter eller detta då hade andra mycket här under mot vad kommer sina utan
bara dem alla sin blir vid dessa deras vilka vilken vilket hur där hans hennes honom henne min mitt mina din
ditt dina vår vårt våra er ert era mig dig oss er dem ju nog väl även redan sedan än inget ingen inga något
någon några allt varje mer mest mindre minst samma själv själva vara varit blev bli görs göra gör gjorde
skulle kunde kunna vill ville måste får fick ha hade haft över upp ut in ner hit dit där här mellan genom
hos kring utom inom enligt förr nej ja tack lite ganska väldigt så`;

const EN = `a an the and or but if then else when while of at by for with about against between into through
during before after above below to from up down in out on off over under again further once here there
where why how all any both each few more most other some such no nor not only own same so than too very
can will just should now i me my myself we our ours ourselves you your yours yourself yourselves he him
his himself she her hers herself it its itself they them their theirs themselves what which who whom this
that these those am is are was were be been being have has had having do does did doing would could might
must shall may also as because until its im ive dont cant wont didnt doesnt isnt arent wasnt get got
like really much many lot lots thing things something anything nothing one two three yes ok okay`;

/** Every stop word, lower case. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [FI, SV, EN].flatMap((list) => list.split(/\s+/).filter((w) => w.length > 0)),
);
