// The hosted page's side of embedding, before the widget starts: the theme a link or a host asks
// for, and, inside a frame on an allowed site, the page's height and the widget's events for the
// host (to that site's origin only, never "*").
(function () {
  var root = document.getElementById('jazylu');
  var query = new URLSearchParams(location.search);
  var accent = query.get('accent') || '';
  var font = query.get('font') || '';
  if (/^#?[0-9a-f]{6}$/i.test(accent)) {
    accent = '#' + accent.replace('#', '');
    var n = parseInt(accent.slice(1), 16);
    // Text on the brand colour: dark on a light colour, white on a dark one.
    var light = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150;
    root.style.setProperty('--jz-accent', accent);
    root.style.setProperty('--jz-accent-ink', light ? '#1c2426' : '#fff');
  }
  // Family names only (a host's web fonts are not in this page: a system font, else the default).
  if (/^[\w ,-]{1,80}$/.test(font)) root.style.setProperty('--jz-font', font + ', system-ui, sans-serif');
  if (window.parent === window) return;

  var channel = query.get('channel') || '';
  root.setAttribute('data-channel', /^[a-z0-9-]{1,32}$/.test(channel) ? channel : 'iframe');
  var ancestors = location.ancestorOrigins;
  var host = ancestors && ancestors.length ? ancestors[0] : document.referrer && new URL(document.referrer).origin;
  var allowed = (root.getAttribute('data-origins') || '').split(' ').concat(location.origin);
  if (!host || allowed.indexOf(host) < 0) return;
  var post = function (message) {
    window.parent.postMessage(message, host);
  };

  var html = document.documentElement;
  var last = 0;
  new ResizeObserver(function () {
    var height = Math.ceil(html.getBoundingClientRect().height);
    if (height !== last) post({ type: 'jazylu:height', height: (last = height) });
  }).observe(html);
  ['viewed', 'service-selected', 'slot-selected', 'submitted', 'failed'].forEach(function (name) {
    root.addEventListener('jazylu:' + name, function (e) {
      post(Object.assign({ type: e.type }, e.detail));
    });
  });
  // Escape with focus in here still closes the host's dialog, unless a dialog of ours is open.
  addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !document.querySelector('dialog[open]')) post({ type: 'jazylu:close' });
  });
})();
