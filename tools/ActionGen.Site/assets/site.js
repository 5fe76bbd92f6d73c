// Typesets the math Markdig marked as \( … \) and \[ … \] with KaTeX, and draws each chart with plotly.js.
// Everything is loaded from assets/, so the site works offline and from file://.
document.addEventListener('DOMContentLoaded', function () {
  var main = document.querySelector('main');
  renderMathInElement(main, {
    delimiters: [
      { left: '\\[', right: '\\]', display: true },
      { left: '\\(', right: '\\)', display: false }
    ],
    throwOnError: false
  });
  document.querySelectorAll('div.chart').forEach(function (div) {
    var figure = JSON.parse(document.getElementById(div.id + '-figure').textContent);
    figure.config = Object.assign({}, figure.config, { responsive: true, displaylogo: false });
    Plotly.newPlot(div, figure.data, figure.layout, figure.config);
  });
});
