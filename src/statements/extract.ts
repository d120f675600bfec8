/**
 * The statements one article reports, read from the grammar of attribution: a reporting verb
 * ("said", "told", "added", "called for", "described … as", "according to") with its subject, and
 * the quotations or clauses it reports. Speakers are left as the article words them (see
 * resolve.ts for who they are).
 */
import type { SentenceSpan } from '../passages/sentences.ts';
import { SPEECH_VERBS, STANCE_PARTICLES, STANCE_VERBS, WEAK_SPEECH_VERBS } from './lexicon.ts';
import { type Mention, mentionAt, namesIn } from './mentions.ts';
import { findQuotations, type Quotation } from './quotations.ts';
import { type ArticleToken, readTokens } from './read.ts';
import type { StatementKind } from './types.ts';

/** A statement as the article words its speaker. */
export interface RawStatement {
  start: number;
  end: number;
  kind: StatementKind;
  /** The subject of its reporting verb; null when the text names no one. */
  mention: Mention | null;
  /** A quotation that continues the one before it: that statement's start offset, else -1. */
  continues: number;
  /** The reporting words, as offsets; null when there are none. */
  cue: { start: number; end: number } | null;
  /** Sentence (index into the article's sentences) where the statement starts. */
  sentence: number;
}

/** What resolving speakers needs of an article besides its statements. */
export interface ArticleReading {
  statements: RawStatement[];
  /** Names and organisations outside quotations, in order, each with its sentence. */
  mentions: Array<{ mention: Mention; sentence: number }>;
}

/** A reporting verb found in an article. */
interface Verb {
  /** Token of the verb, and of its particle ("for" of "call for", "to" of "according to"). */
  first: number;
  last: number;
  lemma: string;
  according: boolean;
  subject: Mention | null;
  /** The subject follows the verb: "…, said Derek Chollet". */
  inverted: boolean;
  /** The quotation the verb introduces ("Lavrov said: “…”"), or -1. */
  introduces: number;
}

/** Quotations of fewer words, or with no verb, are phrases quoted inside a sentence, not statements. */
const MIN_QUOTED_WORDS = 4;
/** Tokens allowed between a quotation's end and the verb that reports it ("”, the ministry said"). */
const MAX_FRAME_GAP = 6;

/** Relative pronouns: a verb after one reports for its antecedent, not for a subject found further left. */
const RELATIVE: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'that']);
/** Conjunctions opening a clause before the main one ("While it said …, Moscow maintained …"). */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'while',
  'although',
  'though',
  'as',
  'whereas',
  'because',
  'since',
]);

/** A cheap test that an article may report something, before it is read with wink. */
const MAY_REPORT =
  /["“]|\b(?:sa(?:y|ys|id|ying)|told|tell|add(?:s|ed|ing)?|stat(?:e|es|ed|ing)|according|call(?:s|ed|ing)? (?:for|on)|described?|vow(?:s|ed)?|urg(?:e|es|ed)|warn(?:s|ed|ing)?|not(?:e|es|ed|ing)|insist(?:s|ed)?|claim(?:s|ed)?|maintain(?:s|ed)?)\b/i;

const isWord = (t: ArticleToken) => t.pos !== 'PUNCT' && t.pos !== 'SYM' && t.pos !== 'SPACE';
const isQuoteMark = (t: ArticleToken) => /^["“”]$/.test(t.text);

/** Reads the statements of one article; `sentences` are its sentence spans. */
export function readStatements(text: string, sentences: readonly SentenceSpan[]): ArticleReading {
  if (!MAY_REPORT.test(text)) return { statements: [], mentions: [] };
  return new ArticleReader(text, sentences, readTokens(text)).read();
}

class ArticleReader {
  private readonly quotes: Quotation[] = [];
  /** Per token: its quotation, or -1. */
  private readonly quoteOf: Int32Array;
  /** Per token: its sentence, or -1. */
  private readonly sentenceOf: Int32Array;
  /** Per sentence: its first and one-past-last token. */
  private readonly sentenceTokens: Array<[number, number]>;
  private readonly verbs: Verb[] = [];

  constructor(
    private readonly text: string,
    private readonly sentences: readonly SentenceSpan[],
    private readonly tokens: readonly ArticleToken[],
  ) {
    for (let s = 0; s < sentences.length; ) {
      const paragraph = (sentences[s] as SentenceSpan).paragraph;
      let e = s;
      while (e + 1 < sentences.length && (sentences[e + 1] as SentenceSpan).paragraph === paragraph) e++;
      const from = (sentences[s] as SentenceSpan).start;
      const to = (sentences[e] as SentenceSpan).end;
      this.quotes.push(...findQuotations(text, from, to));
      s = e + 1;
    }
    this.quoteOf = new Int32Array(tokens.length).fill(-1);
    this.sentenceOf = new Int32Array(tokens.length).fill(-1);
    this.sentenceTokens = sentences.map(() => [0, 0]);
    let q = 0;
    let s = 0;
    tokens.forEach((t, i) => {
      while (q < this.quotes.length && (this.quotes[q] as Quotation).end <= t.start) q++;
      const quote = this.quotes[q];
      if (quote !== undefined && quote.start <= t.start && t.end <= quote.end) this.quoteOf.set([q], i);
      while (s < sentences.length && (sentences[s] as SentenceSpan).end <= t.start) s++;
      const sentence = sentences[s];
      if (sentence !== undefined && sentence.start <= t.start) {
        this.sentenceOf.set([s], i);
        const range = this.sentenceTokens[s] as [number, number];
        if (range[1] === 0) range[0] = i;
        range[1] = i + 1;
      }
    });
  }

  /** The quotation of token i, or -1. */
  private quoteAt(i: number): number {
    return this.quoteOf[i] ?? -1;
  }

  /** The sentence of token i, or -1. */
  private sentenceAt(i: number): number {
    return this.sentenceOf[i] ?? -1;
  }

  read(): ArticleReading {
    this.findVerbs();
    this.cataphora();
    const statements = this.reported();
    this.direct(statements);
    statements.sort((a, b) => a.start - b.start);
    return { statements, mentions: this.allMentions() };
  }

  /** Reporting verbs outside quotations, with their subjects. */
  private findVerbs(): void {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as ArticleToken;
      if (this.quoteAt(i) >= 0 || this.sentenceAt(i) < 0 || t.pos !== 'VERB') continue;
      const next = tokens[i + 1];
      let last = i;
      const according = t.lemma === 'accord' && next?.lemma === 'to';
      if (according) last = i + 1;
      else if (STANCE_VERBS.has(t.lemma)) {
        const particles = STANCE_PARTICLES.get(t.lemma);
        if (particles !== undefined) {
          if (next === undefined || !particles.includes(next.lemma)) continue;
          last = i + 1;
        }
      } else if (!SPEECH_VERBS.has(t.lemma)) continue;
      if (!according && this.isPassive(i)) continue;
      const verb: Verb = {
        first: i,
        last,
        lemma: t.lemma,
        according,
        subject: null,
        inverted: false,
        introduces: -1,
      };
      this.findSubject(verb);
      if (SPEECH_VERBS.has(t.lemma)) verb.introduces = this.introducedQuote(verb);
      this.verbs.push(verb);
    }
  }

  /** "was described as", "is said to": the subject is not the speaker. */
  private isPassive(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && (this.tokens[k] as ArticleToken).pos === 'ADV') k--;
    const prev = this.tokens[k];
    return (
      prev !== undefined && prev.lemma === 'be' && !(this.tokens[i] as ArticleToken).text.endsWith('ing')
    );
  }

  private sentenceRange(i: number): [number, number] {
    return this.sentenceTokens[this.sentenceAt(i)] ?? [0, 0];
  }

  /** The subject of a reporting verb: after it when inverted, the clause's subject for "…, noting". */
  private findSubject(verb: Verb): void {
    const { tokens } = this;
    const [first, end] = this.sentenceRange(verb.first);
    if (verb.according) {
      verb.inverted = true;
      verb.subject = this.mentionRight(verb.last + 1, end);
      return;
    }
    let k = verb.first - 1;
    while (k >= first && ((tokens[k] as ArticleToken).pos === 'ADV' || (tokens[k] as ArticleToken).date)) k--;
    const before = tokens[k];
    if (k < first || (before !== undefined && before.pos === 'PUNCT')) {
      const right = this.mentionRight(verb.last + 1, end);
      if (right !== null && this.endsClause(right, end)) {
        verb.inverted = true;
        verb.subject = right;
        return;
      }
    }
    const t = tokens[verb.first] as ArticleToken;
    if (t.text.endsWith('ing') && before?.pos !== 'AUX') {
      // A participle ("…, noting that", "saying that") reports for the clause's subject.
      for (let i = first; i < verb.first; i++) {
        if (this.quoteAt(i) >= 0) continue;
        const m = mentionAt(this.text, tokens, i);
        if (m !== null) {
          verb.subject = m;
          return;
        }
      }
      return;
    }
    for (let i = verb.first - 1; i >= first; i--) {
      if (this.quoteAt(i) >= 0) continue;
      const tk = tokens[i] as ArticleToken;
      // A relative clause ("initiatives, which proposes") has its subject outside the sentence's grammar here.
      if (tk.text === ';' || RELATIVE.has(tk.lemma)) return;
      if (tk.pos === 'VERB') {
        // Coordinated reporting ("described … and said"): the same subject.
        const earlier = this.verbs.find((v) => v.first === i);
        if (earlier !== undefined && !earlier.inverted) verb.subject = earlier.subject;
        return;
      }
      const m = mentionAt(this.text, tokens, i);
      if (m !== null) {
        verb.subject = m;
        return;
      }
    }
  }

  /**
   * Does the clause end after a mention ("…, said Derek Chollet, a senior adviser", "stated the
   * Ministry in a statement")? Otherwise the mention starts what the verb reports ("says the U.S. is").
   */
  private endsClause(mention: Mention, end: number): boolean {
    const after = this.tokens.findIndex((t) => t.start >= mention.end);
    const t = this.tokens[after];
    return after < 0 || after >= end || t === undefined || t.pos === 'PUNCT' || t.pos === 'ADP';
  }

  /** The first mention within a few tokens after `from`, skipping determiners and adjectives. */
  private mentionRight(from: number, end: number): Mention | null {
    for (let i = from; i < Math.min(end, from + 4); i++) {
      const t = this.tokens[i] as ArticleToken;
      if (this.quoteAt(i) >= 0) return null;
      const m = mentionAt(this.text, this.tokens, i);
      if (m !== null) return m;
      if (!['DET', 'ADJ', 'ADV', 'NUM'].includes(t.pos)) return null;
    }
    return null;
  }

  /** The quotation a speech verb opens ("said: “…”", "told reporters, “…”"), or -1. */
  private introducedQuote(verb: Verb): number {
    const [, end] = this.sentenceRange(verb.first);
    for (let i = verb.last + 1; i < Math.min(end, verb.last + 4); i++) {
      const t = this.tokens[i] as ArticleToken;
      const q = this.quoteAt(i);
      if (q >= 0) return (this.quotes[q] as Quotation).start === t.start ? q : -1;
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.lemma === 'that') return -1;
    }
    return -1;
  }

  /** Reported statements: what a reporting verb's clause says, when it is not a quotation. */
  private reported(): RawStatement[] {
    const out: RawStatement[] = [];
    for (const [n, verb] of this.verbs.entries()) {
      if (verb.introduces >= 0 || verb.subject === null || verb.subject.kind === 'group') continue;
      const [first, end] = this.sentenceRange(verb.first);
      const bound = this.clauseEnd(n, end);
      const after = verb.inverted ? this.afterMention(verb, bound) : verb.last + 1;
      const span = verb.according ? null : this.complement(verb, after, bound);
      if (span !== null) {
        out.push(this.statement(this.tokens[verb.first] as ArticleToken, span, 'reported', verb));
        continue;
      }
      const front = this.frontClause(verb, first);
      if (front !== null) out.push(this.statement(front.from, front.to, 'reported', verb));
      else if (verb.according) {
        const rest = this.complement(verb, this.afterMention(verb, bound), bound, true);
        if (rest !== null)
          out.push(this.statement(this.tokens[rest.from] as ArticleToken, rest, 'reported', verb));
      }
    }
    return out;
  }

  /** Where verb n's clause ends: at the next reporting verb with a subject (or its subject), else `end`. */
  private clauseEnd(n: number, end: number): number {
    const next = this.verbs.slice(n + 1).find((v) => v.subject !== null);
    if (next === undefined || next.first >= end) return end;
    if (next.inverted || next.subject === null) return next.first;
    const at = this.tokens.findIndex((t) => t.start === next.subject?.start);
    return at > (this.verbs[n] as Verb).last && at < next.first ? at : next.first;
  }

  /**
   * A pronoun subject of a clause opening the sentence ("While it said …, Moscow has maintained
   * …") refers ahead, to the main clause's subject.
   */
  private cataphora(): void {
    for (const verb of this.verbs) {
      if (verb.subject?.kind !== 'pronoun') continue;
      const [first] = this.sentenceRange(verb.first);
      if (!SUBORDINATORS.has((this.tokens[first] as ArticleToken).lemma)) continue;
      const main = this.verbs.find(
        (v) =>
          v.first > verb.first &&
          this.sentenceAt(v.first) === this.sentenceAt(verb.first) &&
          v.subject !== null &&
          v.subject.kind !== 'pronoun' &&
          v.subject.kind !== 'group',
      );
      if (main !== undefined) verb.subject = main.subject;
    }
  }

  /** The token after an inverted verb's subject. */
  private afterMention(verb: Verb, bound: number): number {
    let i = verb.last + 1;
    const end = verb.subject?.end ?? 0;
    while (i < bound && (this.tokens[i] as ArticleToken).start < end) i++;
    return i;
  }

  /**
   * The clause a verb reports, tokens [from, bound): a stance verb's object, or a speech verb's
   * clause (it has a verb; a weak one starts with "that"). Null when there is none ("told reporters").
   */
  private complement(
    verb: Verb,
    from: number,
    bound: number,
    afterComma = false,
  ): { from: number; to: ArticleToken } | null {
    const { tokens } = this;
    let start = from;
    if (afterComma) {
      while (start < bound && (tokens[start] as ArticleToken).pos === 'PUNCT') start++;
    }
    let last = bound - 1;
    while (last >= start) {
      const t = tokens[last] as ArticleToken;
      if ((t.pos === 'PUNCT' && !(isQuoteMark(t) && this.quoteAt(last) >= 0)) || t.pos === 'CCONJ') last--;
      else break;
    }
    if (last < start) return null;
    let words = 0;
    let hasVerb = false;
    let that = false;
    for (let i = start; i <= last; i++) {
      const t = tokens[i] as ArticleToken;
      if (isWord(t)) words++;
      if (this.quoteAt(i) < 0 && (t.pos === 'VERB' || t.pos === 'AUX')) hasVerb = true;
      if (i < start + 4 && t.lemma === 'that' && t.pos === 'SCONJ') that = true;
    }
    const stance = STANCE_VERBS.has(verb.lemma);
    if (stance ? words < 2 : !hasVerb || words < 3) return null;
    if (!stance && WEAK_SPEECH_VERBS.has(verb.lemma) && !that) return null;
    return { from: start, to: tokens[last] as ArticleToken };
  }

  /**
   * The clause before a frame at a sentence's end ("Initiatives would be supportive…, stated the
   * Ministry"; "…, according to the statement"), when it is not a quotation.
   */
  private frontClause(verb: Verb, first: number): { from: ArticleToken; to: ArticleToken } | null {
    const { tokens } = this;
    let frame = verb.first;
    const subjectStart = verb.subject?.start ?? Number.POSITIVE_INFINITY;
    while (frame > first && (tokens[frame - 1] as ArticleToken).start >= subjectStart) frame--;
    while (frame > first && ['DET', 'ADV'].includes((tokens[frame - 1] as ArticleToken).pos)) frame--;
    const comma = tokens[frame - 1];
    if (comma === undefined || comma.text !== ',' || frame - 1 <= first) return null;
    let words = 0;
    let hasVerb = false;
    for (let i = first; i < frame - 1; i++) {
      const t = tokens[i] as ArticleToken;
      if (this.quoteAt(i) >= 0) return null;
      if (isWord(t)) words++;
      if (t.pos === 'VERB' || t.pos === 'AUX') hasVerb = true;
    }
    if (!hasVerb || words < MIN_QUOTED_WORDS) return null;
    return { from: tokens[first] as ArticleToken, to: tokens[frame - 2] as ArticleToken };
  }

  private statement(
    from: ArticleToken,
    to: ArticleToken | { to: ArticleToken },
    kind: RawStatement['kind'],
    verb: Verb | null,
  ): RawStatement {
    const last = 'to' in to ? to.to : to;
    return {
      start: from.start,
      end: last.end,
      kind,
      mention: verb?.subject ?? null,
      continues: -1,
      cue: verb === null ? null : this.cue(verb, false),
      sentence: this.sentenceAt(this.tokens.indexOf(from)),
    };
  }

  /**
   * The reporting words: the verb (and particle); for a quotation, with what follows it up to
   * punctuation ("told journalists", "said in a statement").
   */
  private cue(verb: Verb, direct: boolean): { start: number; end: number } {
    const { tokens } = this;
    const [, end] = this.sentenceRange(verb.first);
    let last = verb.last;
    if (direct && !verb.inverted) {
      for (let i = verb.last + 1; i < Math.min(end, verb.last + 5); i++) {
        const t = tokens[i] as ArticleToken;
        if (t.pos === 'PUNCT' || this.quoteAt(i) >= 0 || t.lemma === 'that' || t.pos === 'VERB') break;
        last = i;
      }
    }
    return { start: (tokens[verb.first] as ArticleToken).start, end: (tokens[last] as ArticleToken).end };
  }

  /** Direct statements: quotations a verb reports, that continue a quoted speaker, or that stand alone. */
  private direct(out: RawStatement[]): void {
    const { tokens } = this;
    const reportedSpans = out.map((r) => ({ start: r.start, end: r.end }));
    this.quotes.forEach((q, n) => {
      if (reportedSpans.some((r) => r.start <= q.start && q.end <= r.end)) return;
      const firstToken = tokens.findIndex((t) => t.start >= q.start);
      let lastToken = firstToken;
      while (lastToken + 1 < tokens.length && (tokens[lastToken + 1] as ArticleToken).end <= q.end)
        lastToken++;
      if (firstToken < 0 || this.sentenceAt(firstToken) < 0) return;
      const verb = this.verbs.find((v) => v.introduces === n) ?? this.trailingVerb(lastToken);
      const statementLike = this.isStatementLike(firstToken, lastToken);
      const sentence = this.sentenceAt(firstToken);
      const base: RawStatement = {
        start: q.start,
        end: q.end,
        kind: 'direct',
        mention: null,
        continues: -1,
        cue: null,
        sentence,
      };
      if (verb !== undefined) {
        if (verb.subject?.kind === 'group') return;
        if (verb.subject === null && !statementLike) return;
        out.push({ ...base, mention: verb.subject, cue: this.cue(verb, true) });
        return;
      }
      if (!statementLike) return;
      const opensSentence = (this.sentences[sentence] as SentenceSpan).start === q.start;
      const previous = out.filter((s) => s.kind === 'direct' && s.end <= q.start).at(-1);
      const adjacent =
        previous !== undefined &&
        opensSentence &&
        (previous.mention !== null || previous.continues >= 0) &&
        this.sentenceOfOffset(previous.end - 1) === sentence - 1;
      out.push({ ...base, continues: adjacent ? previous.start : -1 });
    });
  }

  /** The verb reporting a quotation from just after it ("”, the ministry said"), if any. */
  private trailingVerb(lastToken: number): Verb | undefined {
    const sentence = this.sentenceAt(lastToken);
    return this.verbs.find((v) => {
      if (v.first <= lastToken || v.first - lastToken > MAX_FRAME_GAP + 1) return false;
      if (this.sentenceAt(v.first) !== sentence || SPEECH_VERBS.has(v.lemma) === false) {
        if (!v.according || this.sentenceAt(v.first) !== sentence) return false;
      }
      for (let i = lastToken + 1; i < v.first; i++) {
        const t = this.tokens[i] as ArticleToken;
        if (this.quoteAt(i) >= 0 || t.pos === 'VERB' || t.pos === 'CCONJ') return false;
      }
      return true;
    });
  }

  /** Does the quotation in tokens [first, last] say something (words and a verb), not name a phrase? */
  private isStatementLike(first: number, last: number): boolean {
    let words = 0;
    let hasVerb = false;
    for (let i = first; i <= last; i++) {
      const t = this.tokens[i] as ArticleToken;
      if (isWord(t)) words++;
      if (t.pos === 'VERB' || t.pos === 'AUX') hasVerb = true;
    }
    return hasVerb && words >= MIN_QUOTED_WORDS;
  }

  private sentenceOfOffset(offset: number): number {
    return this.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  }

  /** Names and organisations outside quotations, each with its sentence. */
  private allMentions(): ArticleReading['mentions'] {
    const found: ArticleReading['mentions'] = [];
    for (const m of namesIn(this.text, this.tokens, 0, this.tokens.length)) {
      const i = this.tokens.findIndex((t) => t.start === m.start);
      if (i >= 0 && this.quoteAt(i) < 0) found.push({ mention: m, sentence: this.sentenceAt(i) });
    }
    this.tokens.forEach((t, i) => {
      if (t.pos !== 'NOUN' || this.quoteAt(i) >= 0) return;
      const m = mentionAt(this.text, this.tokens, i);
      if (m?.kind === 'organisation') found.push({ mention: m, sentence: this.sentenceAt(i) });
    });
    return found.sort((a, b) => a.mention.start - b.mention.start);
  }
}
