/** Two addresses of one page, and the canonical page a page names: what duplicate checks compare. */
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/corpus/urls.ts';
import { canonicalLink } from '../../src/curation/canonical-link.ts';

describe('addressKey', () => {
  it('drops tracking parameters, the fragment and trailing slashes, and keeps the rest of the query', () => {
    const plain = addressKey('https://News.example/world/talks');
    expect(addressKey('https://news.example/world/talks/?utm_source=x&fbclid=1&gclid=2#top')).toBe(plain);
    expect(addressKey('http://news.example/world/talks?utm_campaign=a')).toBe(plain);
    expect(addressKey('https://news.example/world/talks?id=7&utm_medium=rss')).toBe(
      addressKey('https://news.example/world/talks?id=7'),
    );
    expect(addressKey('https://news.example/world/talks?id=7')).not.toBe(plain);
  });
});

describe('canonicalLink', () => {
  const page = (link: string) => `<html><head>${link}<title>t</title></head><body></body></html>`;

  it('reads the canonical address in either attribute order, resolved against the page', () => {
    expect(
      canonicalLink(page('<link rel="canonical" href="https://a.example/x">'), 'https://b.example/'),
    ).toBe('https://a.example/x');
    expect(
      canonicalLink(page("<LINK href='/story?id=1&amp;p=2' REL='Canonical'>"), 'https://b.example/amp/s'),
    ).toBe('https://b.example/story?id=1&p=2');
  });

  it('ignores other links, and refuses a canonical address that is no safe http(s) URL', () => {
    expect(
      canonicalLink(page('<link rel="alternate" href="https://a.example/feed">'), 'https://b.example/'),
    ).toBeNull();
    expect(
      canonicalLink(page('<link rel="canonical" href="javascript:alert(1)">'), 'https://b.example/'),
    ).toBeNull();
    expect(
      canonicalLink(page('<link rel="canonical" href="ftp://a.example/x">'), 'https://b.example/'),
    ).toBeNull();
    expect(
      canonicalLink(page('<link rel="canonical" href="https://a.example/x`y">'), 'https://b.example/'),
    ).toBeNull();
  });
});
