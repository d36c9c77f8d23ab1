/**
 * Closing-only detection: does a customer message only thank or say the matter is settled, so that a
 * short polite closing reply is enough? Rakuten wants every message answered, but a wrong "closing-only"
 * lets a merchant brush off a customer with a real problem, so the classifier is built for precision:
 * the text has to consist of known closing vocabulary only, and anything unknown counts against it.
 */

export type ClosingReason =
  | 'empty'
  | 'too-long'
  | 'closing'
  | 'question'
  | 'request'
  | 'problem'
  | 'contrast'
  | 'other-content';

export interface ClosingVerdict {
  readonly closingOnly: boolean;
  readonly reason: ClosingReason;
}

/** Beyond this the raw input is rejected unread, so hostile or pasted-in input costs O(1). */
export const MAX_RAW_LENGTH = 20_000;
/** Own text (quoted history removed) longer than this is never a mere "thank you". */
export const MAX_OWN_LENGTH = 2_000;

type Blocker = 'question' | 'request' | 'problem' | 'contrast' | 'other-content';
// Order = which reason wins when a message has several blockers (the most actionable first).
const BLOCKER_PRIORITY: readonly Blocker[] = ['question', 'request', 'problem', 'contrast', 'other-content'];

/**
 * T thanks, S settled/arrived, P praise, F function word, N content word; cond-* are words that are harmless only in
 * some company (checked per clause or per message); anything not listed is unknown and blocks.
 */
type Condition = 'cond-problem' | 'cond-refund' | 'cond-replacement' | 'cond-modal' | 'cond-only' | 'cond-please' | 'cond-yes';
type Kind = 'T' | 'S' | 'P' | 'F' | 'N' | 'unknown' | Condition | Blocker;

/** "a b|c" → [["a", "b"], ["c"]] */
function phrases(list: string): readonly (readonly string[])[] {
  return list.split('|').map((phrase) => phrase.split(' '));
}

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

const LEXICON = new Map<string, Kind>();
function define(kind: Kind, words: string): void {
  for (const word of words.split(' ')) {
    if (word !== '') LEXICON.set(word, kind);
  }
}

define(
  'T',
  'danke dank danken dankeschoen dankesehr dankee danki dankoe dankschoen bedanke bedanken bedankt bedank ' +
    'dnake danek thanks thank thankyou thanx thx thnx tnx ty tysm merci cheers dankbar grateful appreciated',
);
define(
  'S',
  'erledigt geklaert geloest behoben angekommen eingetroffen erhalten bekommen eingegangen gutgeschrieben ' +
    'zurueckerstattet erstattet gekommen geliefert zugestellt geklappt klappt funktioniert geht gehts passt ' +
    'bestens ordnung klar da verstanden abgeholt gefunden erhalt schliessen geschlossen abschliessen ' +
    'abgeschlossen arrived arrive received recieved receieved got gotten sorted solved resolved fixed done ' +
    'settled delivered came works working understood noted close closed found clear refunded gelaufen laeuft ' +
    'kam kamen rueckerstattet zugegangen geregelt hinfaellig gegenstandslos aufgeklaert credited reimbursed ' +
    'nevermind eingetrudelt gesehen seen nachbar nachbarn nachbarin neighbour neighbor neighbours neighbors',
);
define(
  'P',
  'super top toll tolle toller tollen tolles klasse prima perfekt perfekte perfekter perfektes spitze ' +
    'spitzenmaessig wunderbar wunderbare wunderbaren hervorragend hervorragende hervorragender hervorragenden ' +
    'ausgezeichnet ausgezeichnete ausgezeichneter zufrieden begeistert empfehlenswert genial mega fantastisch ' +
    'traumhaft sensationell gefaellt lob kompliment 1a weiterempfehlen empfehle great excellent awesome ' +
    'amazing wonderful lovely brilliant fantastic perfect fab happy satisfied pleased nice helpful hilfreich ' +
    'kompetent vorbildlich geholfen',
);
define(
  'F',
  'ich wir es das die der den dem des sie ihnen ihr ihre ihren ihrem ihrer ihres euch euer eure euren eurem ' +
    'mein meine meinen meinem meiner meines unser unsere unseren unserem mir mich uns sich selbst und sowie ' +
    'auch sehr so echt wirklich wieder nochmal nochmals einmal mal vielen viel viele vielmals herzlichen ' +
    'herzlich herzliches herzlichste herzlichsten besten beste bestes lieben liebe liebes tausend recht ' +
    'schoen schon heute gestern vorgestern eben soeben gerade grad grade jetzt nun inzwischen mittlerweile ' +
    'zwischenzeitlich bereits endlich gut gute guten guter gutes alles alle allem allen beide beiden komplett ' +
    'vollstaendig ist sind bin war waren hat haben habe hab habs wurde wurden worden werden wird an am im in ' +
    'bei beim mit fuer fur fuers furs von vom zu zur zum auf dass ein eine einen einem einer dann damit somit ' +
    'also hiermit dafuer darum hier lag ganz total voll absolut ok okay okey oki ps erneut wieimmer thats i im ' +
    'ive we it its is are was were has have had the a an my your you u ur this that all everything and so ' +
    'very much many lot lots again for of to with on at today yesterday now just already really truly as ' +
    'always usual me us our be been both complete whole also too here there good fine well',
);
// Content words are harmless next to thanks or a settled statement, but on their own they may be a demand
// ("Thanks. Help with the invoice"), so a clause holding one needs a thanks/settled/praise word of its own.
define(
  'N',
  'kauf einkauf weekend wochenende ware paket pakete packet paeckchen lieferung lieferungen sendung bestellung bestellungen artikel produkt ' +
    'produkte sachen geld betrag zahlung ueberweisung konto hilfe unterstuetzung antwort antworten ' +
    'rueckmeldung nachricht info infos information informationen auskunft muehe bemuehungen kulanz abwicklung ' +
    'bearbeitung service kundenservice kundendienst support kontakt team freundlich freundliche freundlichen ' +
    'freundlicher nett nette netten netter schnell schnelle schnellen schneller schnelles prompt prompte ' +
    'prompten unkompliziert unkomplizierte unkomplizierten reibungslos reibungslose problemlos problemlose ' +
    'einwandfrei unbeschaedigt heil wohlbehalten sicher puenktlich zuegig zuegige rasch rasche raschen ' +
    'umgehend umgehende sache angelegenheit fall vorgang anfrage ticket thema gekuemmert bemueht geholfen ' +
    'kurz wollte wollten sagen mitteilen bescheid geben bestaetige bestaetigen freue freuen tag abend ' +
    'wochenende sonntag wuensche qualitaet verkaeufer haendler shop rechnung schoenen schoenes order orders ' +
    'package parcel item items goods product products delivery shipment money payment help support service ' +
    'reply response answer info information assistance effort efforts quick fast safely safe quickly promptly ' +
    'finally guys matter case seller shop invoice sorting out condition zustand geduld verstaendnis patience ' +
    'understanding morning afternoon evening',
);
define('cond-problem', 'problem probleme issue issues');
define('cond-refund', 'refund erstattung rueckerstattung gutschrift');
// "Der Ersatz ist angekommen" settles the matter; "Ersatz", "replacement" without an arrival asks for one.
define('cond-replacement', 'ersatz ersatzlieferung ersatzartikel ersatzteil replacement');
define('cond-modal', 'koennen kann koennt duerfen darf can may');
define('cond-only', 'nur only');
define('cond-please', 'bitte please pls');
define('cond-yes', 'ja jap jo jup jepp yes yep yeah yup');
define(
  'question',
  'wann wo wohin woher wie warum wieso weshalb weswegen wer wen wem welche welcher welches welchen wielange ' +
    'ob frage fragen gefragt rueckfrage when where what why how which who whom whose whether wondering ' +
    'question questions',
);
define(
  'request',
  'bitten bitt moechte moechten moecht mochte haette haetten hatte wuerde wuerden koennte koennten ' +
    'koenntest koenntet brauche brauchen benoetige benoetigen will wollen soll sollen sollte muss muessen ' +
    'musste senden zusenden schicken zuschicken nachsenden nachliefern rueckruf anrufen zurueckrufen melden ' +
    'voraus vorab vorerst zunaechst gerne plz kindly need needs want wants would could will should shall must ' +
    'send resend call advance asap',
);
define(
  'problem',
  'kaputt defekt defekte defekter beschaedigt beschaedigte beschaedigter beschaedigung fehlt fehlen fehlte ' +
    'fehlten fehlend fehlende falsch falsche falschen falscher leider reklamation reklamieren ruecksendung ' +
    'zuruecksenden zurueckschicken zurueckgeschickt zurueckgesendet zurueckgeben zurueck retoure retour ' +
    'retournieren umtausch umtauschen tauschen storno stornieren storniert stornierung widerruf ' +
    'widerrufen widerrufe nicht nich nichts nix nie niemals kein keine keinen keiner keinem nein noe ohne ' +
    'warte warten wartet gewartet verspaetet verspaetung spaet mangel mangelhaft kratzer zerbrochen zerkratzt ' +
    'gebrochen verschmutzt dreckig schaden beschwerde enttaeuscht enttaeuschung unzufrieden aerger aergerlich ' +
    'schade frechheit unverschaemt betrug anwalt verloren irrtum fehler teilweise erst bisher bislang ' +
    'unvollstaendig not no never nothing none nobody havent hasnt hadnt didnt dont doesnt isnt arent wasnt ' +
    'werent cant cannot couldnt wont wouldnt shouldnt aint yet still broken damaged damage missing wrong ' +
    'faulty defective return returned returning returns exchange replace cancel cancelled ' +
    'canceled cancellation complaint unfortunately sadly disappointed late delay delayed lost waiting wait ' +
    'error mistake scratched cracked leaking partial partially',
);
define(
  'contrast',
  'aber jedoch allerdings trotzdem dennoch sondern obwohl obgleich wobei but however although though ' +
    'nevertheless except',
);

// Inverted word order ("Ist das Paket angekommen") is a question even without "?".
const QUESTION_VERBS = wordSet(
  'ist sind hat haben hast habt wurde wurden war waren kam kamen kommt wird werden gibt gab is are was were has ' +
    'have had did does do',
);
const SUBJECTS = wordSet(
  'das die der den dem es er sie ihr mein meine meinen meiner meines dein deine unser unsere diese dieser ' +
    'dieses ware paket pakete sendung lieferung bestellung artikel geld betrag erstattung rueckerstattung ' +
    'gutschrift ticket anfrage it the my this that these those there they you your we i he she everything order ' +
    'package parcel item items refund money',
);
// "Nur kurz Bescheid geben" is harmless; "nur ein Teil" is not.
const ONLY_HARMLESS = wordSet('bescheid sagen mitteilen kurz mal');
// "Alles gut" states that things are settled although "gut" alone does not.
const ALL_WORDS = wordSet('alles all everything');
const FINE_WORDS = wordSet('gut good fine ok okay bestens prima super klar perfekt top');
// "Sie haben die Ware erhalten" (you got my return) asks for something; "ich habe sie erhalten" does not.
const ARRIVAL = wordSet(
  'erhalten bekommen angekommen eingetroffen eingegangen gekommen zugestellt geliefert abgeholt gefunden erhalt ' +
    'received recieved receieved got gotten arrived delivered came kam kamen da',
);
const SECOND_PERSON = wordSet('sie ihr ihnen euch you');
const FIRST_PERSON = wordSet(
  'ich wir mir mich uns mein meine meinen meinem meiner unser unsere i we me us my our',
);
const NOT_ADDRESSEE_BEFORE = wordSet('an fuer fur for von vom from');
// "Bitte schließen Sie das Ticket" is a closing; "bitte Konto schließen" is a job for the merchant.
const CLOSABLE = wordSet('ticket anfrage vorgang fall sache thema angelegenheit case matter');
const SOLVED = wordSet('geloest behoben erledigt geklaert solved resolved fixed sorted');
const CLOSE_WORDS = wordSet('schliessen geschlossen abschliessen abgeschlossen close closed');
const REFUND_VERBS = wordSet('erhalten bekommen ueberwiesen erstattet gebucht');
const MONEY = wordSet('geld betrag kaufpreis money');
const ACCOUNT_OWNERS = wordSet('dem meinem unserem meinen my our the');
// A count before a delivery noun ("1 Paket", "ein Paket", "2 von 3") hints at a partial delivery.
const NUMBER_WORDS = wordSet('ein eine einen einem einer eins zwei drei vier fuenf one two three four five');
const COUNTED = wordSet(
  'paket pakete packet paeckchen artikel teil teile sendung sendungen lieferung karton kartons von aus of ' +
    'package packages parcel parcels item items box boxes part parts',
);
const GREETING_STARTS = phrases(
  'sehr geehrte|sehr geehrter|sehr geehrtes|guten tag|guten morgen|guten abend|good morning|' +
    'good afternoon|good evening|to whom it may concern|hallo|halloechen|hello|hi|hey|moin|servus|huhu|' +
    'gruezi|tach|dear|liebe|lieber|liebes|werte|werter',
);
const GREETING_TAIL = wordSet(
  'hallo hello hi hey moin liebe lieber liebes dear damen und herren herr herrn frau hr fr mr mrs ms miss dr ' +
    'prof sir sirs madam or team zusammen all everyone there guys folks leute',
);
const HONORIFICS = wordSet('herr herrn frau hr fr mr mrs ms miss dr prof');
const SIGN_OFFS = phrases(
  'mit freundlichen gruessen|mit freundlichem gruss|mit besten gruessen|mit lieben gruessen|' +
    'mit herzlichen gruessen|mit freundlichen gruesen|freundliche gruesse|freundlichen gruss|' +
    'viele gruesse|liebe gruesse|lieben gruss|lieben gruesse|liebe gruss|beste gruesse|besten gruss|' +
    'herzliche gruesse|herzlichen gruss|schoene gruesse|sonnige gruesse|gruss|gruesse|grusse|gruessle|' +
    'mfg|lg|vg|bg|glg|ciao|tschuess|tschuss|bye|best regards|kind regards|warm regards|regards|' +
    'best wishes|best|yours sincerely|sincerely|yours truly|einen schoenen tag noch|' +
    'noch einen schoenen tag|schoenen tag noch|schoenen tag|schoenes wochenende|schoenen abend|' +
    'schoenen sonntag|frohe weihnachten|frohe ostern|bleiben sie gesund|have a nice day|have a great day|' +
    'have a good day|have a nice weekend|have a great weekend|take care|stay safe|hochachtungsvoll|' +
    'mit freundlichen gruss|alles gute|bis bald|bis zum naechsten mal|schoenen feierabend|schoene woche|' +
    'schoene feiertage|frohes fest|guten rutsch|frohes neues|have a nice evening|enjoy your weekend|' +
    'happy holidays|merry christmas|all the best|warm wishes',
);
// German common nouns are capitalised like names; these endings give most of them away.
const NOUN_SUFFIXES: readonly string[] = ['ung', 'heit', 'keit', 'schaft', 'tion', 'sion', 'taet', 'nis', 'ismus'];
// Compounds that carry the matter itself ("Rücksendeetikett", "Paketnummer") are never names.
const MATTER_STEMS: readonly string[] = [
  'rueck', 'retour', 'defekt', 'kaputt', 'storn', 'erstatt', 'reklam', 'fehl', 'schad', 'tausch', 'garant', 'rechnung',
  'paket', 'liefer', 'bestell', 'ware', 'artikel', 'geld', 'konto', 'frage', 'bitte', 'zahl', 'versand', 'sendung',
  'adress', 'nummer', 'etikett', 'label', 'track', 'refund', 'return', 'order', 'invoice', 'parcel', 'deliver',
];
// Abbreviations whose dot does not end a clause ("Hr. Meier").
const ABBREVIATIONS = wordSet('hr fr dr mr mrs ms prof st nr tel z b u a bzw usw ca');
const NEGATIVE_EMOJI = new Set([
  0x1f620, 0x1f621, 0x1f92c, 0x1f624, 0x1f61e, 0x1f61f, 0x1f622, 0x1f62d, 0x1f44e, 0x1f644, 0x1f612, 0x1f615, 0x1f641,
  0x2639, 0x1f629, 0x1f62b, 0x1f623, 0x1f616, 0x1f614, 0x1f914, 0x1f928, 0x1f610, 0x1f611, 0x1f62c, 0x1f92f, 0x1f625,
]);
// :(  :-(  :'(  =(  :-/  :-|  -.-  -_-  >:(  as one pattern of literals: one scan instead of nine, no backtracking.
const NEGATIVE_EMOTICON = /:\(|:-\(|:'\(|=\(|:-\/|:-\||-\.-|-_-|>:\(/;
const EN_HINTS = wordSet(
  'the you thanks thank is it its my for and got all have has i your received arrived we this very much',
);
const DE_HINTS = wordSet('die der das ist danke und ich fuer hat sich mein meine sie vielen dank alles es');

interface Token {
  readonly w: string;
  /** Capitalised in the original: the only cheap hint that an unknown word is a name. */
  readonly cap: boolean;
}
type Clause = readonly Token[];

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** WORD_CHAR for the Latin-1 range (digits, Latin letters, umlauts, ß), without a regular expression per character. */
const LATIN1_WORD_CHAR = Array.from({ length: 256 }, (_, code) => WORD_CHAR.test(String.fromCharCode(code)));

function verdict(reason: ClosingReason): ClosingVerdict {
  return { closingOnly: reason === 'closing', reason };
}

export function classifyClosing(customerMessage: string): ClosingVerdict {
  return classify(customerMessage, false);
}

/**
 * classifyClosing(…).closingOnly, sooner: a message stops being read at its first word that needs an answer,
 * where classifyClosing reads on to name the most pressing one. Long requests ("Bitte senden Sie mir …",
 * then a page of detail) are the common case this saves.
 */
export function isClosingOnly(customerMessage: string): boolean {
  return classify(customerMessage, true).closingOnly;
}

function classify(customerMessage: string, anyBlocker: boolean): ClosingVerdict {
  if (customerMessage.length > MAX_RAW_LENGTH) return verdict('too-long');
  const own = ownText(customerMessage, anyBlocker);
  if (own === null) return verdict('too-long');
  if (own === ASKS) return verdict('question');
  if (own.trim() === '') return verdict('empty');
  if (own.length > MAX_OWN_LENGTH) return verdict('too-long');
  if (hasQuestionMark(own)) return verdict('question');
  if (NEGATIVE_EMOTICON.test(own)) return verdict('problem');
  // With anyBlocker, each clause is checked as soon as it is complete. Its words' kinds depend on their
  // neighbours in the clause only, and on the message's language for "was" alone: a clause with "was" is
  // left to the full reading below, which knows the language.
  let early: Blocker | null = null;
  const tokenized = tokenize(
    own,
    anyBlocker
      ? (clause) => {
          for (let i = 0; i < clause.length; i++) {
            if (clause[i]?.w === 'was') continue;
            const kind = kindAt(clause, i, false);
            if (isBlocker(kind)) {
              early = kind;
              return true;
            }
          }
          return false;
        }
      : undefined,
  );
  if (early !== null) return verdict(early);
  if (tokenized.negativeEmoji) return verdict('problem');
  const clauses = tokenized.clauses;
  if (clauses.length === 0) return verdict('empty');

  const english = looksEnglish(clauses);
  let worst: Blocker | null = null;
  for (const clause of clauses) {
    for (let i = 0; i < clause.length; i++) {
      const kind = kindAt(clause, i, english);
      if (isBlocker(kind)) worst = moreActionable(worst, kind);
    }
  }
  if (worst !== null) return verdict(worst);

  const content = stripFrame(clauses, english);
  if (content.length === 0) return verdict('empty');
  return judgeContent(content, english);
}

const BLOCKERS: ReadonlySet<string> = new Set(BLOCKER_PRIORITY);

function isBlocker(kind: Kind): kind is Blocker {
  return BLOCKERS.has(kind);
}

function moreActionable(current: Blocker | null, next: Blocker): Blocker {
  if (current === null) return next;
  return BLOCKER_PRIORITY.indexOf(next) < BLOCKER_PRIORITY.indexOf(current) ? next : current;
}

/**
 * The customer's own words: quoted lines and everything from a reply header on are someone else's.
 * Null as soon as the own words are certain to be more than MAX_OWN_LENGTH and not blank: the verdict
 * is then 'too-long' whatever follows, and long messages need not be read to the end. With
 * `stopAtQuestion`, ASKS as soon as an own line holds a question mark: then the message needs an answer.
 */
function ownText(message: string, stopAtQuestion: boolean): string | typeof ASKS | null {
  // Line by line from the top, each line cut out only when it is reached: long messages stop early, and
  // nothing is split or lower-cased beyond that point.
  const lines = new LineCursor(message);
  const kept: string[] = [];
  let keptLength = -1; // the length of kept.join('\n')
  let blank = true;
  for (let line = lines.next(); line !== null; line = lines.next()) {
    const lower = line.trim().toLowerCase();
    if (lower.startsWith('>')) continue;
    if (isDeviceSignature(lower)) continue;
    if (lower === '--' || isHistoryHeader(lower, lines)) {
      // Bottom-posting: the header introduces "> " lines and the customer's answer follows them.
      if (nextNonEmpty(lines).startsWith('>')) continue;
      break;
    }
    // A question in the own words needs an answer whatever else they say.
    if (stopAtQuestion && hasQuestionMark(line)) return ASKS;
    kept.push(line);
    keptLength += line.length + 1;
    blank &&= lower === '';
    if (keptLength > MAX_OWN_LENGTH && !blank) return null;
  }
  return kept.join('\n');
}

/** What ownText answers, when asked to stop there, for own words with a question mark in them. */
const ASKS = Symbol('asks');

function hasQuestionMark(text: string): boolean {
  return text.includes('?') || text.includes('¿') || text.includes('？');
}

/** The lines of a text as split('\n') gives them, one at a time, with a look at the few that follow. */
class LineCursor {
  private start = 0;
  private end = -1;

  constructor(private readonly text: string) {}

  /** The next line, or null after the last (a text ending in a line break ends with an empty line). */
  next(): string | null {
    if (this.end >= this.text.length) return null;
    this.start = this.end + 1;
    const lf = this.text.indexOf('\n', this.start);
    this.end = lf < 0 ? this.text.length : lf;
    return this.text.slice(this.start, this.end);
  }

  /** The line `k` lines after the current one (k ≥ 1), or undefined past the last. */
  ahead(k: number): string | undefined {
    let end = this.end;
    let start = end;
    for (let step = 0; step < k; step++) {
      if (end >= this.text.length) return undefined;
      start = end + 1;
      const lf = this.text.indexOf('\n', start);
      end = lf < 0 ? this.text.length : lf;
    }
    return this.text.slice(start, end);
  }
}

function nextNonEmpty(lines: LineCursor): string {
  for (let k = 1; k <= 3; k++) {
    const line = lines.ahead(k);
    if (line === undefined) break;
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

function isDeviceSignature(lower: string): boolean {
  const first = lower.charCodeAt(0);
  // Every signature below starts with g, v or s: other lines need no comparison.
  if (first !== 0x67 && first !== 0x76 && first !== 0x73) return false;
  return (
    lower.startsWith('gesendet von meinem') ||
    lower.startsWith('gesendet mit') ||
    lower.startsWith('von meinem iphone') ||
    lower.startsWith('sent from my') ||
    lower.startsWith('get outlook for')
  );
}

function isHistoryHeader(lower: string, lines: LineCursor): boolean {
  if (lower.length === 0 || lower.length > 300) return false;
  if (
    // The two common words first: most lines have neither, and then the six phrases need not be searched.
    (lower.includes('nachricht') || lower.includes('message')) &&
    (lower.includes('ursprüngliche nachricht') ||
    lower.includes('urspruengliche nachricht') ||
    lower.includes('original message') ||
    lower.includes('original-nachricht') ||
    lower.includes('weitergeleitete nachricht') ||
      lower.includes('forwarded message'))
  ) {
    return true;
  }
  // Outlook's separator line; short dash runs stay, a customer may use them inside the own text.
  if (lower.length >= 20 && (isRunOf(lower, '_') || isRunOf(lower, '-'))) return true;
  const wrote = (text: string): boolean => text.endsWith(':') && (text.includes('schrieb') || text.includes('wrote'));
  if (wrote(lower)) return true;
  // "Am 12.03.2024 um 10:15 schrieb Shop <info@…" wrapped onto a second line.
  const dated = (lower.startsWith('am ') || lower.startsWith('on ')) && hasDigit(lower);
  if (dated) {
    // Read only here: lower-casing every next line as well doubled the cost of ownText.
    const next = (lines.ahead(1) ?? '').trim().toLowerCase();
    if (next.length < 300 && wrote(`${lower} ${next}`)) return true;
  }
  if (lower.startsWith('von:') || lower.startsWith('from:')) {
    for (let k = 1; k <= 4; k++) {
      const line = lines.ahead(k);
      if (line === undefined) break;
      const field = line.trim().toLowerCase();
      for (const name of ['gesendet:', 'sent:', 'an:', 'to:', 'datum:', 'date:', 'betreff:', 'subject:']) {
        if (field.startsWith(name)) return true;
      }
    }
  }
  return false;
}

function isRunOf(text: string, char: string): boolean {
  // By code unit: `char` is ASCII, and no half of a surrogate pair equals it.
  const code = char.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== code) return false;
  }
  return true;
}

function hasDigit(text: string): boolean {
  // Code units, not code points: no half of a surrogate pair is a digit, and indexing is cheaper than iterating.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** One pass over the text: words with their capitalisation, grouped into clauses at punctuation and line ends. */
function tokenize(text: string, stopAfter?: (clause: Clause) => boolean): { clauses: Clause[]; negativeEmoji: boolean } {
  const clauses: Clause[] = [];
  let tokens: Token[] = [];
  // The current word is `head` plus the run text[runStart, runEnd): sliced once per word instead of built
  // character by character. Only a dropped apostrophe ("don't") splits a word into two runs.
  let head = '';
  let runStart = -1;
  let runEnd = -1;
  let negativeEmoji = false;
  const wordChar = (start: number, end: number): void => {
    if (runStart < 0) runStart = start;
    runEnd = end;
  };
  const word = (): string => (runStart < 0 ? head : head + text.slice(runStart, runEnd));
  const flushWord = (): void => {
    const current = word();
    if (current !== '') tokens.push(makeToken(current));
    head = '';
    runStart = -1;
  };
  // Set when stopAfter asked to stop: the clauses so far are all there is.
  let stopped = false;
  const flushClause = (): void => {
    flushWord();
    if (tokens.length > 0) {
      clauses.push(tokens);
      if (stopAfter?.(tokens)) stopped = true;
    }
    tokens = [];
  };
  let i = 0;
  while (i < text.length && !stopped) {
    // Fast paths for the common cases, a Latin-1 letter or digit inside a word and a space: same result as
    // the general path below, without a regular expression or a new string per character.
    const unit = text.charCodeAt(i);
    if (unit < 256 && LATIN1_WORD_CHAR[unit]) {
      wordChar(i, i + 1);
      i += 1;
      continue;
    }
    if (unit === 0x20) {
      flushWord();
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const ch = cp === unit ? text.charAt(i) : String.fromCodePoint(cp);
    const prev = i > 0 ? text.charAt(i - 1) : '';
    const next = text.charAt(i + ch.length);
    i += ch.length;
    if (unit >= 256 && WORD_CHAR.test(ch)) {
      wordChar(i - ch.length, i);
      continue;
    }
    if (ch === "'" || ch === '’' || ch === '`' || ch === '´') {
      head = word();
      runStart = -1;
      continue;
    }
    if (NEGATIVE_EMOJI.has(cp)) negativeEmoji = true;
    if (ch === '\n') {
      // A mail client's soft wrap ("für\ndie schnelle Lieferung") continues the clause; a new line that starts
      // with a capital or follows punctuation is a new one ("Viele Grüße\nAnna").
      if (startsLowercase(text, i)) flushWord();
      else flushClause();
      continue;
    }
    if (ch === ':' && !(isDigit(prev) && isDigit(next))) {
      flushWord(); // "wollte nur Bescheid geben: Paket ist da" is one statement
      continue;
    }
    if (ch === '.' || ch === ',') {
      const betweenDigits = isDigit(prev) && isDigit(next);
      const abbreviation = ch === '.' && ABBREVIATIONS.has(foldWord(word().toLowerCase()));
      if (betweenDigits || abbreviation) flushWord();
      else flushClause();
      continue;
    }
    if ('!;…–—()[]{}|"“”„«»•*'.includes(ch)) {
      flushClause();
      continue;
    }
    flushWord();
  }
  if (!stopped) flushClause();
  return { clauses, negativeEmoji };
}

function startsLowercase(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && (text.charAt(j) === ' ' || text.charAt(j) === '\t' || text.charAt(j) === '\r')) j++;
  const c = text.charAt(j);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function makeToken(raw: string): Token {
  const first = raw.charAt(0);
  const code = first.charCodeAt(0);
  // An ASCII first letter is capitalised exactly when it is A–Z; only others need toLowerCase to tell.
  const cap = code < 128 ? code >= 65 && code <= 90 : first !== first.toLowerCase();
  return { w: collapseRepeats(foldWord(lowerCased(raw))), cap };
}

/**
 * raw.toLowerCase(), without its cost for the two common shapes of a word: all lower-case ASCII (returned
 * as it is) and ASCII with only its first letter capitalised.
 */
function lowerCased(raw: string): string {
  let upper = -1;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 128 || (code >= 65 && code <= 90 && upper >= 0)) return raw.toLowerCase();
    if (code >= 65 && code <= 90) upper = i;
  }
  if (upper < 0) return raw;
  if (upper === 0) return String.fromCharCode(raw.charCodeAt(0) + 32) + raw.slice(1);
  return raw.toLowerCase();
}

/** Umlauts as their usual two-letter spellings so "Grüße" and "Gruesse" meet; other accents dropped. */
function foldWord(lower: string): string {
  if (isAscii(lower)) return lower; // no umlauts, nothing to normalise
  if (isLatin1(lower)) {
    // Latin-1 has no combining marks, so folding goes character by character: a table, no normalize().
    let folded = '';
    for (let i = 0; i < lower.length; i++) folded += LATIN1_FOLDED[lower.charCodeAt(i)] ?? '';
    return folded;
  }
  return foldByNormalizing(lower);
}

function foldByNormalizing(lower: string): string {
  let out = '';
  for (const c of lower.normalize('NFC')) {
    if (c === 'ä') out += 'ae';
    else if (c === 'ö') out += 'oe';
    else if (c === 'ü') out += 'ue';
    else if (c === 'ß') out += 'ss';
    else out += c;
  }
  let plain = '';
  for (const c of out.normalize('NFD')) {
    const code = c.charCodeAt(0);
    if (code < 0x300 || code > 0x36f) plain += c;
  }
  return plain;
}

/** foldWord of each Latin-1 character on its own (ä → ae, é → e, ß → ss). */
const LATIN1_FOLDED: readonly string[] = Array.from({ length: 256 }, (_, code) => foldByNormalizing(String.fromCharCode(code)));

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 256) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 128) return false;
  }
  return true;
}

function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** "Dankeeee", "suuuper": three or more of a letter are one. */
function collapseRepeats(word: string): string {
  if (!hasTripleLetter(word)) return word; // the common case: nothing to collapse, nothing to copy
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charAt(i);
    run = i > 0 && word.charAt(i - 1) === c ? run + 1 : 1;
    if (run === 1) out += c;
    else if (run === 2) out += c;
    else if (run === 3) out = out.slice(0, -1);
  }
  return out;
}

function looksEnglish(clauses: readonly Clause[]): boolean {
  let en = 0;
  let de = 0;
  for (const clause of clauses) {
    for (const token of clause) {
      if (EN_HINTS.has(token.w)) en++;
      if (DE_HINTS.has(token.w)) de++;
    }
  }
  return en > de;
}

function wordAt(clause: Clause, i: number): string {
  return clause[i]?.w ?? '';
}

/** The words kindAt reads together with their neighbours: exactly its `case` labels. */
export const WORDS_READ_IN_CONTEXT = wordSet(
  'noch schon erst erstmal schonmal immer wie gewohnt besprochen erwartet versprochen gerne gern was never mind ' +
    'kein no problem worries zurueck konto account turned showed up through million morgen bei beim',
);

/** A word's kind given its neighbours; clause- and message-level conditions are left to judgeContent. */
function kindAt(clause: Clause, i: number, english: boolean): Kind {
  const w = wordAt(clause, i);
  const next = wordAt(clause, i + 1);
  const prev = wordAt(clause, i - 1);
  const digit = hasDigit(w);
  if ((digit || NUMBER_WORDS.has(w)) && COUNTED.has(next)) return 'other-content';
  if (digit) return 'N';
  // Most words are none of the cases below: one set lookup instead of comparing with each of them.
  if (!WORDS_READ_IN_CONTEXT.has(w)) return LEXICON.get(w) ?? 'unknown';
  switch (w) {
    case 'noch':
      if (['mal', 'einmal', 'einen', 'schoenen', 'schoenes'].includes(next)) return 'F';
      return ['tag', 'abend', 'wochenende', 'sonntag'].includes(prev) ? 'F' : 'unknown';
    case 'schon':
      if (next === 'mal') return 'request'; // "danke schon mal" = thanks in advance
      return next === 'wieder' ? 'problem' : 'F';
    case 'erst':
      return next === 'mal' ? 'request' : 'problem';
    case 'erstmal':
    case 'schonmal':
      return 'request';
    case 'immer':
      return next === 'noch' ? 'problem' : 'F';
    case 'wie':
      return ['immer', 'gewohnt', 'besprochen', 'erwartet', 'versprochen'].includes(next) ? 'F' : 'question';
    case 'gewohnt':
    case 'besprochen':
    case 'erwartet':
    case 'versprochen':
      return prev === 'wie' ? 'F' : 'unknown';
    case 'gerne':
    case 'gern':
      return next === 'wieder' || prev === 'immer' ? 'P' : 'request';
    case 'was':
      return english ? 'F' : 'question';
    case 'never':
      return next === 'mind' ? 'S' : 'problem'; // "never mind" = the matter is settled
    case 'mind':
      return prev === 'never' ? 'F' : 'unknown';
    case 'kein':
      return next === 'problem' ? 'F' : 'problem'; // "kein Problem"
    case 'no':
      return next === 'problem' || next === 'worries' ? 'F' : 'problem';
    case 'problem':
      return prev === 'kein' || prev === 'no' ? 'F' : 'cond-problem';
    case 'worries':
      return prev === 'no' ? 'F' : 'unknown';
    case 'zurueck':
      // "Geld zurück erhalten" reports a refund received; "Paket zurück bekommen" may be a failed delivery.
      return REFUND_VERBS.has(next) && clause.some((token) => MONEY.has(token.w)) ? 'F' : 'problem';
    case 'konto':
    case 'account': {
      // "Geld ist auf dem Konto", "money is in my account": receipt of a payment.
      const into = wordAt(clause, i - 2);
      if (ACCOUNT_OWNERS.has(prev) && (into === 'auf' || into === 'in')) return 'S';
      return w === 'konto' ? 'N' : 'unknown';
    }
    case 'turned':
    case 'showed':
      return next === 'up' ? 'S' : 'unknown'; // "the parcel turned up"
    case 'up':
      return prev === 'turned' || prev === 'showed' ? 'F' : 'unknown';
    case 'through':
      return prev === 'came' || prev === 'went' || prev === 'gone' ? 'F' : 'unknown'; // "the refund came through"
    case 'million':
      return prev === 'a' && LEXICON.get(wordAt(clause, i - 2)) === 'T' ? 'F' : 'unknown'; // "thanks a million"
    case 'morgen':
      return prev === 'heute' ? 'F' : 'unknown'; // "heute Morgen", not "morgen" = tomorrow
    case 'bei':
    case 'beim':
      // "Das Paket ist bei Ihnen angekommen" reports a return that arrived: the refund is due.
      return next === 'ihnen' || next === 'euch' ? 'other-content' : 'F';
    default:
      return LEXICON.get(w) ?? 'unknown';
  }
}

function nameLike(token: Token | undefined, anyCase: boolean, english: boolean, clause: Clause, i: number): boolean {
  if (token === undefined || kindAt(clause, i, english) !== 'unknown') return false;
  if (!anyCase && !token.cap) return false;
  if (token.w.length > 20 || hasDigit(token.w)) return false;
  if (NOUN_SUFFIXES.some((suffix) => token.w.endsWith(suffix))) return false;
  return !MATTER_STEMS.some((stem) => token.w.includes(stem));
}

function matchAt(clause: Clause, i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    if (wordAt(clause, i + k) !== phrase[k]) return false;
  }
  return true;
}

/** Greeting words, honorifics and up to three names at the start of a clause. */
function stripGreeting(clause: Clause, english: boolean): Clause {
  const start = GREETING_STARTS.find((phrase) => matchAt(clause, 0, phrase));
  if (start === undefined) return clause;
  let i = start.length;
  let names = 0;
  let afterHonorific = false;
  while (i < clause.length) {
    const w = wordAt(clause, i);
    if (GREETING_TAIL.has(w)) {
      afterHonorific = afterHonorific || HONORIFICS.has(w);
      i++;
    } else if (names < 3 && nameLike(clause[i], afterHonorific, english, clause, i)) {
      names++;
      i++;
    } else {
      break;
    }
  }
  return clause.slice(i);
}

/** SIGN_OFFS by first word, in their order: a phrase can only match where its first word stands. */
const SIGN_OFFS_BY_FIRST_WORD = new Map<string, (readonly string[])[]>();
for (const phrase of SIGN_OFFS) {
  const first = phrase[0] ?? '';
  const list = SIGN_OFFS_BY_FIRST_WORD.get(first) ?? [];
  list.push(phrase);
  SIGN_OFFS_BY_FIRST_WORD.set(first, list);
}

function findSignOff(clause: Clause): { start: number; end: number } | null {
  for (let i = 0; i < clause.length; i++) {
    for (const phrase of SIGN_OFFS_BY_FIRST_WORD.get(wordAt(clause, i)) ?? []) {
      if (matchAt(clause, i, phrase)) return { start: i, end: i + phrase.length };
    }
  }
  return null;
}

// "Ihre Familie Wagner", "Fam. Becker", "Your Smith family" under a sign-off.
const SIGNATURE_POSSESSIVES = wordSet('ihre ihr eure euer deine dein your yours');
const FAMILY = wordSet('familie fam family');
const AND_WORDS = wordSet('und and sowie');

/** Sign-offs in a row at the start of `after` ("Viele Grüße und bleiben Sie gesund"): the index past them. */
function skipFurtherSignOffs(clause: Clause): number {
  let i = 0;
  for (;;) {
    const at = AND_WORDS.has(wordAt(clause, i)) ? i + 1 : i;
    const phrase = (SIGN_OFFS_BY_FIRST_WORD.get(wordAt(clause, at)) ?? []).find((p) => matchAt(clause, at, p));
    if (phrase === undefined) return i;
    i = at + phrase.length;
  }
}

/** A signature line: name, street, town, phone ("Grüße aus Hamburg" too). */
function allNames(clause: Clause, max: number, english: boolean, anyCase: boolean): boolean {
  if (clause.length === 0 || clause.length > max) return false;
  return clause.every(
    (token, i) =>
      hasDigit(token.w) ||
      (i === 0 && clause.length > 1 && (token.w === 'aus' || token.w === 'from')) ||
      (i === 0 && clause.length > 1 && SIGNATURE_POSSESSIVES.has(token.w)) ||
      (clause.length > 1 && FAMILY.has(token.w)) ||
      nameLike(token, anyCase, english, clause, i),
  );
}

/** Drops greeting, sign-off, names and signature block; what is left is what the customer actually said. */
function stripFrame(clauses: readonly Clause[], english: boolean): Clause[] {
  const content: Clause[] = [];
  let leading = true;
  let signature = false;
  for (const original of clauses) {
    let clause = original;
    if (signature && allNames(clause, 4, english, false)) continue;
    if (leading) {
      clause = stripGreeting(clause, english);
      if (clause.length === 0) continue;
    }
    const signOff = findSignOff(clause);
    if (signOff !== null) {
      signature = true;
      const before = clause.slice(0, signOff.start);
      const rest = clause.slice(signOff.end);
      const after = rest.slice(skipFurtherSignOffs(rest));
      if (before.length > 0) content.push(before);
      // A lone word after "LG" is a name whatever its case ("lg anna"); longer tails must look like names.
      if (after.length > 0 && !allNames(after, 3, english, after.length === 1)) content.push(after);
    } else {
      content.push(clause);
    }
    if (content.length > 0) leading = false;
  }
  // "Danke, Anna" / "Thanks\nJohn Smith": a trailing name after the thanks.
  while (content.length > 1) {
    const last = content[content.length - 1] ?? [];
    if (!(last.length <= 3 && last.every((token, i) => nameLike(token, false, english, last, i)))) break;
    content.pop();
  }
  const last = content[content.length - 1];
  if (last !== undefined) {
    let cut = last.length;
    while (cut > 0 && last.length - cut < 3 && nameLike(last[cut - 1], false, english, last, cut - 1)) cut--;
    if (cut < last.length && cut > 0 && kindAt(last, cut - 1, english) === 'T') {
      content[content.length - 1] = last.slice(0, cut);
    }
  }
  return content;
}

function reportsArrivalAtMerchant(words: readonly string[], kinds: readonly Kind[]): boolean {
  if (!words.some((w) => ARRIVAL.has(w)) || words.some((w) => FIRST_PERSON.has(w))) return false;
  return words.some((w, i) => {
    const before = i > 0 ? (words[i - 1] ?? '') : '';
    return SECOND_PERSON.has(w) && kinds[i - 1] !== 'T' && !NOT_ADDRESSEE_BEFORE.has(before);
  });
}

/** "Vielen Dank, auch für die nette Nachricht": the clause only says what the thanks were for. */
function continuesThanks(words: readonly string[]): boolean {
  const start = words[0] === 'auch' || words[0] === 'und' || words[0] === 'and' || words[0] === 'also' ? 1 : 0;
  const preposition = words[start];
  return preposition === 'fuer' || preposition === 'fur' || preposition === 'fuers' || preposition === 'for';
}

function judgeContent(content: readonly Clause[], english: boolean): ClosingVerdict {
  let signal = false;
  let settled = false;
  let saidYes = false;
  let previousThanked = false;
  for (const clause of content) {
    const kinds = clause.map((_, i) => kindAt(clause, i, english));
    const words = clause.map((token) => token.w);
    const hasSubject = words.some((w, i) => i > 0 && SUBJECTS.has(w));
    if (QUESTION_VERBS.has(wordAt(clause, 0)) && hasSubject) return verdict('question');
    const hasThanks = kinds.includes('T');
    if (reportsArrivalAtMerchant(words, kinds)) return verdict('other-content');
    const hasSettled = kinds.includes('S');
    const allFine = words.some((w) => ALL_WORDS.has(w)) && words.some((w) => FINE_WORDS.has(w));
    const clauseSignal =
      hasThanks || hasSettled || allFine || kinds.includes('P') || (previousThanked && continuesThanks(words));
    previousThanked = hasThanks;
    if (hasSettled || allFine) settled = true;
    if (clauseSignal) signal = true;
    for (let i = 0; i < kinds.length; i++) {
      switch (kinds[i]) {
        case 'T':
        case 'S':
        case 'P':
        case 'F':
          break;
        case 'N':
          if (!clauseSignal) return verdict('other-content');
          break;
        case 'cond-problem':
          if (!words.some((w) => SOLVED.has(w))) return verdict('problem');
          break;
        case 'cond-replacement':
          if (!hasSettled) return verdict('problem');
          break;
        case 'cond-refund':
          if (!hasThanks && !hasSettled) return verdict('request');
          break;
        case 'cond-modal':
          if (!words.some((w) => CLOSE_WORDS.has(w)) || (i === 0 && hasSubject)) return verdict('request');
          break;
        case 'cond-only':
          // "wollte nur danke sagen", "nur kurz Bescheid geben" – but not "nur die Ware erhalten".
          const following = words.slice(i + 1, i + 4);
          if (!kinds.slice(i + 1, i + 4).includes('T') && !following.some((w) => ONLY_HARMLESS.has(w))) {
            return verdict('problem');
          }
          break;
        case 'cond-please': {
          const closesCase = words.some((w) => CLOSE_WORDS.has(w));
          const otherMatter = kinds.some((kind, k) => kind === 'N' && !CLOSABLE.has(words[k] ?? ''));
          if (!closesCase || otherMatter) return verdict('request');
          break;
        }
        case 'cond-yes':
          saidYes = true;
          break;
        default:
          return verdict('other-content');
      }
    }
  }
  // A bare "Ja, danke" may accept an offer (replacement, refund): only a settled statement makes it a closing.
  if (saidYes && !settled) return verdict('other-content');
  return verdict(signal ? 'closing' : 'other-content');
}
