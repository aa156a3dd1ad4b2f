// Jazylu's loader for a site the clinic controls (served as /embed.js, words filled in by the
// server). Each `[data-jazylu]` element becomes the booking widget: the hosted page in a frame
// from this script's origin, in place (`data-jazylu` or `="inline"`) or behind a floating button
// that opens it in a dialog (`="button"`, nothing loaded before the click). The frame keeps the
// host's styles and ours apart; the shadow root keeps the frame and the button apart from the
// host's CSS. Events from the frame (only from it, and only from our origin) become
// `CustomEvent`s on the element.
(function () {
  var script = document.currentScript;
  var base = new URL(script.src).origin;
  var WORDS = /*%JZ_WORDS%*/ { en: ['Book an appointment', 'Close', 'Online booking'] };
  var TAGS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'];
  var page = new URLSearchParams(location.search);

  // The host's language: the element's, else the page's, else the visitor's browser.
  function language(el) {
    var tags = [el.getAttribute('data-lang'), document.documentElement.lang].concat(navigator.languages || []);
    for (var i = 0; i < tags.length; i++) {
      var code = String(tags[i] || '').slice(0, 2).toLowerCase();
      if (WORDS[code]) return code;
    }
    return 'kk';
  }

  function address(el, lang, channel) {
    var url = new URL('/', base);
    var q = url.searchParams;
    q.set('lang', lang);
    ['service', 'doctor', 'accent', 'font'].forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v) q.set(k, v);
    });
    q.set('channel', el.getAttribute('data-channel') || channel);
    TAGS.forEach(function (k) {
      var v = page.get(k);
      if (v && /^[\w.-]{1,64}$/.test(v)) q.set(k, v);
    });
    return url.href;
  }

  function frame(el, lang, channel, onClose) {
    var f = document.createElement('iframe');
    f.src = address(el, lang, channel);
    f.title = WORDS[lang][2];
    addEventListener('message', function (e) {
      var m = e.data;
      if (e.origin !== base || e.source !== f.contentWindow || !m || typeof m.type !== 'string') return;
      if (m.type === 'jazylu:height') {
        f.style.height = Math.min(Math.max(+m.height || 0, 240), 20000) + 'px';
      } else if (m.type === 'jazylu:close') {
        if (onClose) onClose();
      } else if (/^jazylu:[a-z-]+$/.test(m.type)) {
        var detail = {};
        for (var k in m) if (k !== 'type') detail[k] = m[k];
        el.dispatchEvent(new CustomEvent(m.type, { detail: detail, bubbles: true }));
      }
    });
    return f;
  }

  // Every element of ours gets all its looks from here: the host's rules do not cross a shadow
  // root, and what would be inherited is set.
  var STYLE =
    ':host{all:initial!important;display:block!important}' +
    'iframe{all:initial;display:block;width:100%;height:720px;border:0;color-scheme:normal}' +
    'button{all:initial;box-sizing:border-box;cursor:pointer;font:600 16px/1.25 var(--font);border-radius:999px}' +
    '.open{position:fixed;z-index:2147483000;bottom:16px;padding:14px 20px;max-width:calc(100vw - 32px);' +
    'background:var(--accent);color:var(--ink);box-shadow:0 4px 16px rgba(0,0,0,.25)}' +
    'button:focus-visible{outline:3px solid var(--accent);outline-offset:3px}' +
    'dialog{all:initial;box-sizing:border-box;position:fixed;inset:0;margin:auto;width:min(100vw,48rem);' +
    'max-height:100dvh;overflow:auto;background:#fff;border-radius:8px}' +
    'dialog:not([open]){display:none}dialog::backdrop{background:rgba(0,0,0,.5)}' +
    '.close{display:block;margin:8px 8px 0 auto;padding:8px 14px;color:#1c2426;background:#f3f7f7}';

  function theme(el, shadow) {
    var accent = el.getAttribute('data-accent') || '';
    accent = /^#?[0-9a-f]{6}$/i.test(accent) ? '#' + accent.replace('#', '') : '#0b6e69';
    var n = parseInt(accent.slice(1), 16);
    var light = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150;
    var font = el.getAttribute('data-font') || '';
    font = (/^[\w ,-]{1,80}$/.test(font) ? font + ',' : '') + 'system-ui,sans-serif';
    var css = STYLE + ':host{--accent:' + accent + ';--ink:' + (light ? '#1c2426' : '#fff') + ';--font:' + font + '}';
    // A constructed sheet: a host page whose CSP refuses inline styles still lets it apply.
    if (shadow.adoptedStyleSheets && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      var style = document.createElement('style');
      style.textContent = css;
      shadow.appendChild(style);
    }
  }

  function inline(el, shadow, lang) {
    var f = frame(el, lang, 'inline');
    f.loading = 'lazy';
    shadow.appendChild(f);
  }

  function button(el, shadow, lang) {
    var words = WORDS[lang];
    var open = document.createElement('button');
    open.type = 'button';
    open.className = 'open';
    open.textContent = words[0];
    open.setAttribute('aria-haspopup', 'dialog');
    open.style[el.getAttribute('data-position') === 'left' ? 'left' : 'right'] = '16px';
    var dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', words[2]);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = words[1];
    dialog.appendChild(close);
    var shut = function () {
      dialog.close();
    };
    close.addEventListener('click', shut);
    // Back to the button however the dialog closed (Escape here or in the frame, the button).
    dialog.addEventListener('close', function () {
      open.focus();
    });
    open.addEventListener('click', function () {
      if (!dialog.querySelector('iframe')) dialog.appendChild(frame(el, lang, 'button', shut));
      dialog.showModal();
      close.focus();
    });
    shadow.appendChild(open);
    shadow.appendChild(dialog);
  }

  function mount(el) {
    if (el.shadowRoot) return;
    var shadow = el.attachShadow({ mode: 'open' });
    var lang = language(el);
    theme(el, shadow);
    (el.getAttribute('data-jazylu') === 'button' ? button : inline)(el, shadow, lang);
  }

  function start() {
    document.querySelectorAll('[data-jazylu]').forEach(mount);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
