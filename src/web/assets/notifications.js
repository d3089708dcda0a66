// Progressive enhancement: the number of unread alert notifications, as a badge on the "Thông báo"
// menu entry and as a bell in the top bar (both link to the notifications page).
(function () {
  var link = document.querySelector('nav a[href="/admin/notifications"]');
  if (!link || !window.fetch) return;
  fetch('/api/notifications', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (body) {
      if (!body || !body.unread) return;
      var n = body.unread > 99 ? '99+' : String(body.unread);
      var label = (document.documentElement.lang === 'en' ? 'Unread notifications: ' : 'Thông báo chưa đọc: ') + n;
      var badge = document.createElement('span');
      badge.className = 'badge unread-count';
      badge.textContent = n;
      badge.setAttribute('aria-label', label);
      link.appendChild(badge);
      var account = document.querySelector('.topbar .account');
      if (!account) return;
      var bell = document.createElement('a');
      bell.href = '/admin/notifications';
      bell.className = 'bell';
      bell.style.cssText = 'display:inline-flex;align-items:center;gap:.25rem;color:#fff;text-decoration:none';
      bell.setAttribute('aria-label', label);
      bell.title = label;
      bell.innerHTML = '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>';
      var count = document.createElement('span');
      count.className = 'bell-count';
      count.style.cssText = 'background:#fff;color:#9c2a1f;border-radius:999px;font-size:.75rem;font-weight:700;padding:0 .4rem;line-height:1.3';
      count.textContent = n;
      bell.appendChild(count);
      account.insertBefore(bell, account.firstChild);
    })
    .catch(function () {});
})();
