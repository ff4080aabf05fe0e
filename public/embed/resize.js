/*
 * Resizes an embedded "Where should my complaint go?" iframe to fit its content.
 * Add it once to a page that has the iframe. It listens only to messages from
 * the site this script was loaded from, and only changes the height of the
 * iframe that sent the message.
 */
(function () {
  var script = document.currentScript;
  if (!script || !window.URL || !window.postMessage) return;
  var origin = new URL(script.src, document.baseURI).origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'where-to-complain:height') return;
    var height = Math.ceil(Number(data.height));
    if (!isFinite(height) || height < 100 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
