import { describe, expect, it } from 'vitest';
import { normalisePostUrl } from './post-url.ts';

describe('normalisePostUrl', () => {
  it.each([
    ['https://www.facebook.com/user.74469268/posts/pfbid02abcXYZ?__cft__[0]=AZV&__tn__=%2CO%2CP-R', 'https://www.facebook.com/posts/pfbid02abcXYZ'],
    ['https://m.facebook.com/nguyen.van.an.1990/posts/123456789?comment_id=987&fbclid=IwAR', 'https://www.facebook.com/posts/123456789?comment_id=987'],
    ['https://www.facebook.com/permalink.php?story_fbid=555&id=100004444', 'https://www.facebook.com/posts/555'],
    ['https://www.facebook.com/profile.php?id=100004444', 'https://www.facebook.com/'],
    ['https://www.facebook.com/people/Tran-Thi-B/100005555/', 'https://www.facebook.com/'],
    ['https://www.facebook.com/groups/quan10/posts/777/?comment_id=8', 'https://www.facebook.com/groups/quan10/posts/777?comment_id=8'],
    ['https://www.facebook.com/photo.php?fbid=42&set=a.1&type=3', 'https://www.facebook.com/photo/?fbid=42'],
    ['https://www.youtube.com/watch?v=abc123XYZ_-&lc=UgxComment&ab_channel=NguyenVanA', 'https://www.youtube.com/watch?v=abc123XYZ_-&lc=UgxComment'],
    ['https://youtu.be/abc123?si=track', 'https://www.youtube.com/watch?v=abc123'],
    ['https://www.youtube.com/@nguyenvana/community', 'https://www.youtube.com/'],
    ['https://www.youtube.com/channel/UC123456', 'https://www.youtube.com/'],
    ['https://zalo.me/0903123456', 'https://zalo.me/'],
    ['https://www.tiktok.com/@nguoi.dung/video/7300000000000000000?lang=vi', 'https://www.tiktok.com/video/7300000000000000000'],
    ['https://twitter.com/someone/status/1234567', 'https://x.com/i/status/1234567'],
    ['https://tuoitre.vn/ngap-nuoc-123.htm?utm_source=facebook&utm_medium=social&fbclid=IwAR1&page=2#comments', 'https://tuoitre.vn/ngap-nuoc-123.htm?page=2'],
    ['https://user:pass@news.example.vn/a', 'https://news.example.vn/a'],
  ])('%s', (raw, want) => {
    expect(normalisePostUrl(raw)).toBe(want);
    expect(normalisePostUrl(want)).toBe(want); // twice changes nothing
  });

  it('refuses what is not an http(s) address', () => {
    expect(normalisePostUrl('javascript:alert(1)')).toBeNull();
    expect(normalisePostUrl('not a url')).toBeNull();
  });
});
