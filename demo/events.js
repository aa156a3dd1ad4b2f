// What a host page's analytics would do with the widget's events: here, list them.
document.addEventListener('DOMContentLoaded', function () {
  var log = document.getElementById('log');
  ['viewed', 'service-selected', 'slot-selected', 'submitted', 'failed'].forEach(function (name) {
    document.addEventListener('jazylu:' + name, function (e) {
      var li = document.createElement('li');
      li.textContent = e.type + ' ' + JSON.stringify(e.detail);
      log.appendChild(li);
    });
  });
});
