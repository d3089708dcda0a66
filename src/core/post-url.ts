// A post's address, kept without who wrote it: the platform and the post's own id stay, author segments
// (facebook.com/user.74469268/…, profile.php?id=, /people/…, a YouTube channel or @handle, a Zalo
// account, a TikTok or X handle) and tracking parameters (fbclid, utm_*, __cft__, __tn__…) go. Author
// ids are what the ingest door hashes; an address that kept them would undo the hash. An address with no
// post id left is kept as the platform's bare origin. Used at the door and by the data upgrade that
// rewrites addresses stored before; applying it twice changes nothing.

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|igshid|mibextid|__cft__.*|__tn__|__xts__.*|ref|refid|ref_src|ref_url|_rdr|rdid|share_url|sfnsn|extid|zarsrc|zarsrc.*|zl|si|feature|ab_channel|_ga|hc_ref|hc_location|comment_tracking|notif_id|notif_t|eid|paipv|acontext|__mref)$/i;

const origin = (host: string) => `https://${host}/`;

function facebook(u: URL): string {
  const p = u.pathname.replace(/\/+$/, '');
  const q = u.searchParams;
  const comment = q.get('comment_id');
  const withComment = (s: string) => (comment && /^\d+$/.test(comment) ? `${s}?comment_id=${comment}` : s);
  const base = 'https://www.facebook.com';
  let m: RegExpExecArray | null;
  if ((m = /^\/groups\/([^/]+)\/(?:posts|permalink)\/(\d+)/.exec(p))) return withComment(`${base}/groups/${m[1]}/posts/${m[2]}`);
  if ((m = /\/(?:posts|videos|photos\/[^/]+|reel|reels)\/([\w.-]+)$/.exec(p)) && /\d/.test(m[1])) return withComment(`${base}/posts/${m[1].replace(/^.*[^\w-]/, '')}`);
  if (/^\/(?:permalink|story)\.php$/.test(p) && q.get('story_fbid')) return withComment(`${base}/posts/${encodeURIComponent(q.get('story_fbid') as string)}`);
  if (/^\/photo(?:\.php)?$/.test(p) && q.get('fbid')) return `${base}/photo/?fbid=${encodeURIComponent(q.get('fbid') as string)}`;
  if (/^\/watch$/.test(p) && q.get('v')) return `${base}/watch/?v=${encodeURIComponent(q.get('v') as string)}`;
  if ((m = /^\/(?:reel|share\/[prv])\/([\w-]+)$/.exec(p))) return `${base}${p}`;
  return `${base}/`;
}

function youtube(u: URL): string {
  const q = u.searchParams;
  const comment = q.get('lc');
  const video = u.hostname === 'youtu.be' ? u.pathname.slice(1).split('/')[0] : u.pathname === '/watch' ? q.get('v') : /^\/(?:shorts|live|embed)\/([\w-]+)/.exec(u.pathname)?.[1];
  if (!video || !/^[\w-]+$/.test(video)) return 'https://www.youtube.com/';
  return `https://www.youtube.com/watch?v=${video}${comment && /^[\w.-]+$/.test(comment) ? `&lc=${comment}` : ''}`;
}

function tiktok(u: URL): string {
  const id = /\/video\/(\d+)/.exec(u.pathname)?.[1];
  return id ? `https://www.tiktok.com/video/${id}` : 'https://www.tiktok.com/';
}

function twitter(u: URL): string {
  const id = /\/status(?:es)?\/(\d+)/.exec(u.pathname)?.[1];
  return id ? `https://x.com/i/status/${id}` : 'https://x.com/';
}

const PLATFORMS: Array<[RegExp, (u: URL) => string]> = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.watch)$/, facebook],
  [/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/, youtube],
  [/(^|\.)tiktok\.com$/, tiktok],
  [/(^|\.)(twitter\.com|x\.com)$/, twitter],
  // A Zalo address names a person (zalo.me/<phone or id>) or their group: only the platform stays.
  [/(^|\.)(zalo\.me|zaloapp\.com|zalo\.vn)$/, (u) => origin(u.hostname)],
];

/** The address without author or tracking; null when it is not an http(s) address. */
export function normalisePostUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.username = '';
  u.password = '';
  u.hash = '';
  const host = u.hostname.toLowerCase();
  for (const [re, clean] of PLATFORMS) if (re.test(host)) return clean(u);
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  return u.toString();
}
