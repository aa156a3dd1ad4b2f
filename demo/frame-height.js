// A link-in-bio page's HTML block: the frame takes the height the widget reports, and only from
// the widget's origin (the same snippet is in docs/embedding.md).
addEventListener('message', function (e) {
  var frame = document.getElementById('jazylu-frame');
  if (!frame || e.source !== frame.contentWindow || e.origin !== new URL(frame.src).origin) return;
  if (e.data && e.data.type === 'jazylu:height') frame.style.height = e.data.height + 'px';
});
