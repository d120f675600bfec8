/**
 * How a question is framed, apart from what it is about: verbs of saying, reporting and happening
 * ("What did Lavrov say…", "What did NDTV report…", "What happened…") and requests for an
 * overview ("Summarise…", "Tell me about…"). Framing words are not what a passage must contain.
 */
import type { QuestionToken } from './reader.ts';

/** Lemmas of verbs that frame a question rather than name its subject. */
const FRAMING_VERBS: ReadonlySet<string> = new Set([
  'say',
  'tell',
  'report',
  'happen',
  'think',
  'mention',
  'summarise',
  'summarize',
  'cover',
  'write',
]);

/**
 * Nouns for the coverage itself: "What did the media say on 27 August?" asks what the coverage
 * says, as "What was reported…" does ("medium" is wink's lemma of "media").
 */
const COVERAGE_NOUNS: ReadonlySet<string> = new Set([
  'article',
  'story',
  'outlet',
  'media',
  'medium',
  'press',
  'coverage',
  'newspaper',
]);

/**
 * Nouns that stand for the coverage only as the subject of a verb of saying: "What did the papers
 * say…", but "In what paper was it published?" asks about a paper.
 */
const COVERAGE_SUBJECTS: ReadonlySet<string> = new Set(['paper', 'publication', 'piece']);

/** True when a token (its lemma and part of speech) names the coverage itself ("media", "outlets"). */
export function isCoverageNoun(lemma: string, pos: string): boolean {
  return pos === 'NOUN' && COVERAGE_NOUNS.has(lemma);
}

/** Pronouns naming no one and nothing in particular (wink tags "everything" a verb after "me"). */
const INDEFINITE_PRONOUNS: ReadonlySet<string> = new Set(
  'everything anything something nothing everyone anyone someone everybody anybody somebody nobody'.split(
    ' ',
  ),
);

/**
 * Nouns naming nothing in particular ("stuff from March 7", "what things did they agree on"):
 * SQuAD's answer paragraphs hold "things" for none of the 12 questions using it.
 */
const GENERIC_NOUNS: ReadonlySet<string> = new Set(['stuff', 'thing', 'things']);

/**
 * True when a token says how the question is put but is no word of it a passage should hold: an
 * auxiliary or modal ("Can you…", "going to" before a verb), an indefinite pronoun ("Tell me everything about…"), a greeting
 * or a word of thanks ("Hi!", "please").
 */
export function isFillerToken(t: QuestionToken, i: number, tokens: readonly QuestionToken[]): boolean {
  const word = t.text.toLowerCase();
  if (
    t.pos === 'AUX' ||
    t.pos === 'INTJ' ||
    INDEFINITE_PRONOUNS.has(word) ||
    GENERIC_NOUNS.has(word) ||
    POLITE_WORDS.has(word)
  )
    return true;
  // "Is there actually a truce?", "what does Russia really want": emphasis, not a subject.
  if (t.pos === 'ADV' && HEDGES.has(word)) return true;
  // "How did the whole war start?": emphasis after a determiner, as "actually" is.
  if (word === 'whole' && tokens[i - 1]?.pos === 'DET') return true;
  // "Are they going to share…": "going to" before a verb is the future, no subject.
  if (word === 'going' && tokens[i + 1]?.lemma === 'to' && tokens[i + 2]?.pos === 'VERB') return true;
  // "…or not?" closing a yes-no question.
  if (word === 'not' && tokens[i - 1]?.lemma === 'or' && isLastWord(tokens, i)) return true;
  // The bot addressed: "hey bot, …", "bot what did…", "…, bot?".
  if (word !== 'bot') return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    before === undefined ||
    before.pos === 'INTJ' ||
    before.pos === 'PUNCT' ||
    POLITE_WORDS.has(before.text.toLowerCase()) ||
    after === undefined ||
    after.pos === 'PUNCT'
  );
}

/** Adverbs of emphasis or hedging, which say how a member asks and never what about. */
const HEDGES: ReadonlySet<string> = new Set(
  'actually really exactly basically literally honestly seriously anyway truly'.split(' '),
);

/** Greetings and thanks wink does not tag as interjections ("Thanks! What about Aleppo?", "yo bot"). */
const POLITE_WORDS: ReadonlySet<string> = new Set(['thanks', 'thx', 'pls', 'plz', 'yo', 'hiya', 'sup']);

/** Words after "how" that ask how long or how often, naming nothing a passage holds. */
const HOW_MEASURE: ReadonlySet<string> = new Set(['long', 'often']);

/** Nouns of "what kind of…": they ask for a kind of what follows them. */
const KIND_NOUNS: ReadonlySet<string> = new Set(['kind', 'type', 'sort']);

/**
 * Chat words for a person, whoever it is ("the UN guy"): what a question asks for, not what a
 * passage says. "person" is not one: SQuAD's answers hold it as often as not.
 */
const PERSON_NOUNS: ReadonlySet<string> = new Set(['guy', 'dude']);

/** Words opening a question that asks for someone or something. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'which', 'what']);

/** Prepositions of a subject after a verb of publishing ("published about", "on"). */
const ABOUT: ReadonlySet<string> = new Set(['about', 'on', 'regarding', 'concerning']);

/** Verbs of a request when followed by "me" or "us" ("catch me up on…", "fill us in on…"). */
const REQUEST_VERBS: ReadonlySet<string> = new Set([
  'give',
  'show',
  'tell',
  'brief',
  'catch',
  'fill',
  'update',
]);

/**
 * Lemmas that ask for an overview of a subject rather than one fact; "the outcome of the talks"
 * asks what came of them, as "what happened" does.
 */
const OVERVIEW_WORDS: ReadonlySet<string> = new Set([
  'summarise',
  'summarize',
  'summary',
  'overview',
  'recap',
  'rundown',
  'roundup',
  'gist',
  'lowdown',
  'happen',
  'news',
  'latest',
  'outcome',
  'result',
  'upshot',
  'update',
  'timeline',
  'chronology',
  'background',
]);

/**
 * The words that frame a question, as their lemmas are spelt: what a slip in one is read as
 * ("sumarize", "overveiw"), since few of them are in the coverage or in wink's lexicon.
 */
export const FRAMING_WORDS: ReadonlySet<string> = new Set([...FRAMING_VERBS, ...OVERVIEW_WORDS]);

/** Words setting two subjects side by side ("Kerry vs Lavrov"): how the question is put. */
const COMPARING_WORDS: ReadonlySet<string> = new Set(['vs', 'versus']);

/**
 * True when token i frames the question: a request ("give me"), a word asking for an overview
 * ("summary", "latest"), a word comparing ("vs"), a noun for the coverage itself ("the media",
 * "the papers say"),
 * or a verb of saying or happening used as the question's verb. "report" in "What did NDTV
 * report" is tagged a noun but follows its subject straight after the auxiliary; in "the UN
 * report" a determiner comes first and it is the subject.
 */
export function isFramingToken(tokens: readonly QuestionToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  // "give me", "show us": a request, not a subject.
  if (REQUEST_VERBS.has(t.lemma) && ['me', 'us'].includes(tokens[i + 1]?.lemma ?? '')) return true;
  if (OVERVIEW_WORDS.has(t.lemma) || isRecencyWord(tokens, i) || isOldestFirst(tokens, i)) return true;
  if (COMPARING_WORDS.has(t.text.toLowerCase().replace(/\.$/, ''))) return true;
  if (isCoverageNoun(t.lemma, t.pos)) return true;
  if (t.pos === 'NOUN' && COVERAGE_SUBJECTS.has(t.lemma) && FRAMING_VERBS.has(tokens[i + 1]?.lemma ?? ''))
    return true;
  if (asksWhatHappens(tokens, i)) return true;
  // "How long…", "How often…": the word after "how" asks for a duration or a count, as "how"
  // does; "tall" or "old" name what is measured.
  if (tokens[i - 1]?.lemma === 'how' && HOW_MEASURE.has(t.text.toLowerCase())) return true;
  // "What kind of fighters…", "what type of weapon": the noun asks for a kind, as "what" does.
  if (
    KIND_NOUNS.has(t.lemma) &&
    ['what', 'which'].includes(tokens[i - 1]?.lemma ?? '') &&
    tokens[i + 1]?.lemma === 'of'
  )
    return true;
  // "Who's the UN guy for Syria?", "Which person led…": the noun asks for a person, as "who" does.
  if (
    t.pos === 'NOUN' &&
    PERSON_NOUNS.has(t.lemma) &&
    tokens.slice(0, i).some((x) => QUESTION_WORDS.has(x.lemma))
  )
    return true;
  // "Why does Aleppo matter?" asks what makes it important: "matter" is the question's verb
  // (wink tags it a noun there), no word a passage holds.
  if (t.lemma === 'matter' && tokens[0]?.lemma === 'why' && tokens.slice(1, i).some((x) => x.pos === 'AUX'))
    return true;
  // "What is the death toll in Syria?": a toll is the number asked, as "how many" is; the text
  // says how many were killed (SQuAD's one "death toll" paragraph lacks "toll" too).
  if (t.lemma === 'toll' && tokens[i - 1]?.lemma === 'death') return true;
  // "What came out about Aleppo?", "What was published on 27 August?" ask what the coverage
  // says; "When was the book published?" asks about a publishing.
  if (t.lemma === 'come' && tokens[i + 1]?.text.toLowerCase() === 'out') return true;
  if (t.lemma === 'publish' && ABOUT.has(tokens[i + 1]?.lemma ?? '')) return true;
  if (!FRAMING_VERBS.has(t.lemma)) return false;
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'NOUN') return false;
  const before = tokens[i - 1];
  const auxiliary = tokens[i - 2];
  const subject =
    before !== undefined &&
    (before.pos === 'PROPN' || before.pos === 'PRON' || isCoverageNoun(before.lemma, before.pos));
  return subject && auxiliary?.pos === 'AUX';
}

/**
 * True when token i is the verb of "What is going on…", "How is it going on…", "What went down in
 * Geneva?": they ask what happens, as "What happened…" does.
 */
function asksWhatHappens(tokens: readonly QuestionToken[], i: number): boolean {
  return (
    tokens[i]?.lemma === 'go' &&
    ['on', 'down'].includes(tokens[i + 1]?.text.toLowerCase() ?? '') &&
    ['what', 'how'].includes(tokens[0]?.lemma ?? '')
  );
}

/** Words asking for the newest coverage first ("the latest news", "what happened lately"), by their text. */
const RECENCY_WORDS: ReadonlySet<string> = new Set(['latest', 'newest', 'recently', 'lately', 'currently']);

/**
 * True when token i asks for the newest coverage: "latest", "recently", "most recent"; "new" only
 * when it qualifies no noun after it ("What's new?", not "a new truce" or "New York").
 */
function isRecencyWord(tokens: readonly QuestionToken[], i: number): boolean {
  const t = tokens[i] as QuestionToken;
  const word = t.text.toLowerCase();
  if (RECENCY_WORDS.has(word)) return true;
  if (word === 'recent' && tokens[i - 1]?.lemma === 'most') return true;
  // "right now", and "now" closing the question ("What is happening in Aleppo now?").
  if (word === 'right' && tokens[i + 1]?.text.toLowerCase() === 'now') return true;
  if (word === 'now' && (tokens[i - 1]?.text.toLowerCase() === 'right' || isLastWord(tokens, i))) return true;
  const next = tokens[i + 1]?.pos ?? '';
  return word === 'new' && t.pos !== 'PROPN' && next !== 'NOUN' && next !== 'PROPN' && next !== 'ADJ';
}

/**
 * True when token i asks for the oldest coverage, an overview's own order: "oldest" or "earliest"
 * before a noun for the coverage or "news" ("the oldest article"; not "the oldest university").
 */
function isOldestFirst(tokens: readonly QuestionToken[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    ['oldest', 'earliest'].includes(tokens[i]?.text.toLowerCase() ?? '') &&
    next !== undefined &&
    (isCoverageNoun(next.lemma, next.pos) || next.lemma === 'news')
  );
}

/** Is token i the question's last word (only punctuation after it)? */
function isLastWord(tokens: readonly QuestionToken[], i: number): boolean {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j]?.pos !== 'PUNCT') return false;
  return true;
}

/** Nouns naming outlets when a question asks which of them: "Which outlets…", "What papers…". */
const OUTLET_NOUNS: ReadonlySet<string> = new Set([
  'outlet',
  'newspaper',
  'paper',
  'source',
  'media',
  'medium',
  'publication',
  'site',
  'website',
  'press',
]);

/** Verbs of publishing: "Who reported…", "Who covered…". */
const PUBLISHING_VERBS: ReadonlySet<string> = new Set([
  'report',
  'cover',
  'write',
  'publish',
  'carry',
  'run',
]);

/**
 * The index of the token that asks which outlets covered something, or -1: the noun of "Which
 * outlets…", "What papers…", "How many sources…", or the verb of "Who reported…", "Who covered…".
 */
export function outletsAskedAt(tokens: readonly QuestionToken[]): number {
  const first = tokens[0]?.lemma ?? '';
  if ((first === 'which' || first === 'what') && isOutletNoun(tokens, 1)) return 1;
  if (first === 'how' && tokens[1]?.lemma === 'many' && isOutletNoun(tokens, 2)) return 2;
  if (first === 'who') {
    const verb = tokens[1]?.pos === 'AUX' ? 2 : 1;
    if (tokens[verb]?.pos === 'VERB' && PUBLISHING_VERBS.has(tokens[verb]?.lemma ?? '')) return verb;
  }
  return -1;
}

/** Is token `i` a noun naming outlets? Not one followed by "of" ("what source of funding"). */
function isOutletNoun(tokens: readonly QuestionToken[], i: number): boolean {
  const token = tokens[i];
  return (
    token !== undefined &&
    token.pos === 'NOUN' &&
    OUTLET_NOUNS.has(token.lemma) &&
    tokens[i + 1]?.lemma !== 'of'
  );
}

/**
 * Indexes of the tokens of a verb asking where or when an event was: "take place", "occur", and
 * "held" in the passive ("Where were the talks held?"). Passages naming the event need not say
 * it in those words, and "held" would find "rebel-held".
 */
export function eventVerbsAt(tokens: readonly QuestionToken[]): number[] {
  const at: number[] = [];
  let passive = false;
  tokens.forEach((t, i) => {
    if (t.pos === 'AUX' && (t.lemma === 'be' || t.lemma === 'being' || t.lemma === 'been')) passive = true;
    const place = t.lemma === 'take' && tokens[i + 1]?.lemma === 'place';
    if (place) at.push(i, i + 1);
    else if (t.lemma === 'occur' || (t.lemma === 'hold' && t.pos === 'VERB' && passive)) at.push(i);
  });
  return at;
}

/** True when the question asks for the newest coverage first ("latest news", "What's new?"). */
export function asksForNewest(tokens: readonly QuestionToken[]): boolean {
  return tokens.some((_, i) => isRecencyWord(tokens, i));
}

/** True when the question asks for an overview: "Summarise…", "What happened…", "Tell me about…". */
export function asksForOverview(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (t, i) =>
      OVERVIEW_WORDS.has(t.lemma) ||
      asksWhatHappens(tokens, i) ||
      isRecencyWord(tokens, i) ||
      isOldestFirst(tokens, i) ||
      (t.lemma === 'tell' && tokens[i + 1]?.lemma === 'me' && tokens[i + 2]?.lemma === 'about'),
  );
}
