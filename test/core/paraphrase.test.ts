import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import {
  causalTerms,
  derivedTerms,
  firstSenseTerms,
  kindTerms,
  placeTerms,
  relatedTerms,
} from '../../src/search/expansions.ts';
import { normaliseWord } from '../../src/search/tokenize.ts';
import { CORPUS_DIR } from './helpers.ts';

describe('other words for the same thing (WordNet)', () => {
  it('relates a word to its synonyms in the sense commonest for both, the heads of multiword synonyms, and derivations', () => {
    expect(relatedTerms('uprising', 'noun')).toEqual(expect.arrayContaining(['revolt', 'insurrect']));
    expect(relatedTerms('jets', 'noun')).toContain('plane');
    expect(relatedTerms('died', 'verb')).toContain('death');
    // "go" means "die" only in one of its rarer senses.
    expect(relatedTerms('died', 'verb')).not.toContain('go');
    expect(relatedTerms('qwertyuiop', 'noun')).toEqual([]);
  });

  it('reads a hyphenated synonym as one word written whole, never as its last part', () => {
    // WordNet's "cease-fire" is the coverage's "ceasefire", and no kind of fire.
    expect(relatedTerms('truce', 'noun')).toContain(normaliseWord('ceasefire'));
    expect(relatedTerms('truce', 'noun')).not.toContain('fire');
  });

  it('reads every sense of a word, keeping a synonym only in the sense it has most often', () => {
    // "restart" means "resume" in its second sense, which is "resume"'s first.
    expect(relatedTerms('restart', 'verb')).toContain('resum');
  });
});

describe('questions in other words than the coverage, on the built-in corpus', () => {
  let index: AnswerEngine;
  beforeAll(async () => {
    index = buildIndex(await loadCorpus(CORPUS_DIR));
  });

  it('finds a passage that says "revolt" for a question about an uprising', () => {
    const answer = index.ask('When did the uprising against Assad begin?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('erupted in 2011');
    expect(answer.results[0]?.text).toContain('revolt');
  });

  it('answers a question whose verb the coverage says with a synonym of another sense', () => {
    const answer = index.ask('When were the Syria talks in Geneva scheduled to restart?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('scheduled to resume on March 9');
  });

  it('weighs another word below the word itself', () => {
    // "warplanes" is in one passage, "planes" in another: the exact word ranks first.
    const answer = index.ask('Which warplanes entered Jarablus?');
    expect(answer.results[0]?.text).toContain('warplanes entered Jarablus');
  });

  it('answers a question on jets, a common noun, with the passage on planes', () => {
    const answer = index.ask('What are Russian jets doing in Syria?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('Russian planes have also been carrying out raids');
  });

  it('reads a verb with its particle as the one verb WordNet lists ("break out": "erupt")', () => {
    const answer = index.ask('When did the Syrian war break out?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('erupted in 2011');
  });

  it('finds the ceasefire for a question on the truce', () => {
    const answer = index.ask('Is the truce in Syria holding?');
    expect(answer.results[0]?.text).toContain('The ceasefire in Syria is, generally speaking, holding');
  });

  it('still refuses a question off the subject that a synonym brings near it', () => {
    expect(index.ask('How many planes does Lufthansa fly?').noAnswer).toBe(true);
  });
});

describe('verbs of cause and effect (WordNet), for common words too', () => {
  it('relates "died" to "kill" and "killed" to "die", and a noun to the verbs derived from it', () => {
    expect(causalTerms('died', 'verb')).toContain('kill');
    expect(causalTerms('killed', 'verb')).toContain('die');
    expect(causalTerms('death', 'noun')).toEqual(expect.arrayContaining(['die', 'kill']));
    // "go" means "die" only in one of its rarer senses.
    expect(causalTerms('killed', 'verb')).not.toContain('go');
    expect(causalTerms('start', 'verb')).toEqual([]);
  });
});

describe('the synonyms of a common noun in its first sense', () => {
  it("derives a common noun's other forms in its first sense, single words only", () => {
    expect(derivedTerms('terrorism', 'noun')).toEqual(['terrorist']);
    expect(derivedTerms('qwertyuiop', 'noun')).toEqual([]);
  });

  it('answers what a speaker said about terrorism where the text says "terrorists"', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    await index.readStatements();
    const answer = index.ask('What did Lavrov say about terrorism?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.speaker).toBe('Sergei Lavrov');
    expect(answer.results[0]?.text).toMatch(/terrorist/i);
  });

  it('keeps those whose first sense it is too, and the head of a multiword one', () => {
    expect(firstSenseTerms('jets', 'noun')).toEqual(['plane']);
    // Not "spurt" (a jet of water is its second sense) nor "hat" for "deal".
    expect(firstSenseTerms('deal', 'noun')).toEqual([]);
  });
});

describe('a place and its adjective (WordNet), the one relation a name keeps', () => {
  it('relates a country to its adjective and back, word to word', () => {
    expect(placeTerms('Turkey')).toEqual(['turkish']);
    expect(placeTerms('Turkish')).toEqual(['turkey']);
    // "Soviet" pertains to "Soviet Union", a sense Russia shares: not to "Russia".
    expect(placeTerms('Russia')).toEqual(['russian']);
    expect(placeTerms('American')).toEqual(expect.arrayContaining(['america', 'usa']));
    expect(placeTerms('Kerry')).toEqual([]);
  });
});

describe('the kinds of person a noun names (WordNet hyponyms)', () => {
  it('relates a role to the particular roles under it, and nothing for a noun that names no people', () => {
    expect(kindTerms('diplomats')).toEqual(expect.arrayContaining(['ambassador', 'envoy', 'minist']));
    expect(kindTerms('weapon')).toEqual([]);
    expect(kindTerms('qwertyuiop')).toEqual([]);
  });

  it('answers a question naming the role with the passage naming the people by their titles', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    // The passage says "Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov
    // met in Geneva", never "diplomats".
    const answer = index.ask('In which city did the two diplomats meet in August 2016?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results.slice(0, 3).map((r) => r.text)).toContainEqual(
      expect.stringContaining('Foreign Minister Sergei Lavrov met in Geneva'),
    );
  });

  it('searches a dozen kinds of a noun at most, however many the index holds', () => {
    const kinds = ['helper', 'boatman', 'carter', 'collector', 'driver', 'employee', 'freelancer'];
    kinds.push('lamplighter', 'melter', 'moonlighter', 'mopper', 'nailer', 'oiler', 'peeler');
    kinds.push('planter', 'pruner', 'puller', 'caster', 'bleacher', 'waterman');
    const index = buildIndex(
      corpusFromRecords(kinds.map((k) => ({ id: k, title: 'Report', text: `A ${k} was seen.` }))),
    );
    // Every one of them is a kind of worker…
    const terms = new Set(kindTerms('workers'));
    expect(kinds.filter((k) => !terms.has(normaliseWord(k) ?? ''))).toEqual([]);
    // …but a question about workers is searched for twelve of them.
    expect(index.rankArticles('When did the workers strike?', 50).length).toBe(12);
  });

  it('does not let a kind vouch for a question off the subject', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    // "withdrawer" is a kind of student, and the coverage says "withdraw".
    expect(index.ask('Why did students move to Russia?').noAnswer).toBe(true);
  });
});

describe('a people and its place (WordNet holonyms), word to word', () => {
  it("relates a people to its place and the place's adjectives, never to an everyday word", () => {
    expect(placeTerms('Kurds')).toEqual(['kurdistan', 'kurdish']);
    expect(placeTerms('Syrians')).toEqual(['syria']);
    // The United States is also "US", which is "us".
    expect(placeTerms('Americans')).not.toContain('us');
  });

  it('ranks the passage naming the people by their adjective above one on the same verb alone', () => {
    const index = buildIndex(
      corpusFromRecords([
        { id: 'rebels', title: 'Border', text: 'Tanks shelled the rebels near the border town.' },
        { id: 'militia', title: 'Border', text: 'Tanks shelled a Kurdish militia near the river.' },
      ]),
    );
    expect(index.ask('Which tanks shelled the Kurds?').results[0]?.docId).toBe('militia');
  });

  it('reads a place in the possessive as the place ("Turkey\'s": "Turkish")', () => {
    const index = buildIndex(
      corpusFromRecords([
        { id: 'russian', title: 'Border', text: 'Russian forces shelled a militia near the border town.' },
        { id: 'turkish', title: 'Border', text: 'Turkish forces shelled a militia near the border town.' },
      ]),
    );
    const answer = index.ask("Whom did Turkey's forces shell?");
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.docId).toBe('turkish');
  });

  it('reads a place typed in lower case, which the tagger takes for a noun, as the place', () => {
    const index = buildIndex(
      corpusFromRecords([
        {
          id: 'russia',
          title: 'Border',
          text: 'The forces of Russia shelled a militia near the border town.',
        },
        {
          id: 'turkey',
          title: 'Border',
          text: 'The forces of Turkey shelled a militia near the border town.',
        },
      ]),
    );
    expect(index.ask('whom did the turkish forces shell').results[0]?.docId).toBe('turkey');
    expect(index.ask('whom did the turkish forces shell near the border').results[0]?.docId).toBe('turkey');
  });
});
