// Draws every <canvas data-chart="ID"> from the JSON that json_script wrote under that ID
// (includes/chart.html). Chart.js is served from the site (vendor/chart.js); nothing is
// fetched elsewhere, and no inline script or style is needed (the content policy).
(function () {
  "use strict";

  // Bootstrap's colours, in the order series take them.
  var PALETTE = ["#0d6efd", "#dc3545", "#198754", "#ffc107", "#6f42c1", "#fd7e14",
    "#20c997", "#6c757d", "#d63384", "#0dcaf0"];

  function colour(index) {
    return PALETTE[index % PALETTE.length];
  }

  function config(data) {
    var kind = data.kind;
    var stacked = kind === "stacked";
    var horizontal = kind === "horizontal";
    var doughnut = kind === "doughnut";
    var type = stacked || horizontal ? "bar" : kind;
    var datasets = data.datasets.map(function (set, index) {
      var dataset = { label: set.label, data: set.data };
      if (doughnut) {
        dataset.backgroundColor = set.data.map(function (_value, at) { return colour(at); });
      } else {
        dataset.backgroundColor = colour(index);
        dataset.borderColor = colour(index);
      }
      return dataset;
    });
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: doughnut || datasets.length > 1, position: "bottom" } },
    };
    if (!doughnut) {
      // Counts get whole-number ticks; points (decimals) keep theirs.
      var whole = data.datasets.every(function (set) {
        return set.data.every(function (value) { return Number.isInteger(value); });
      });
      var ticks = whole ? { precision: 0 } : {};
      options.indexAxis = horizontal ? "y" : "x";
      options.scales = {
        x: { stacked: stacked, beginAtZero: true, ticks: horizontal ? ticks : {} },
        y: { stacked: stacked, beginAtZero: true, ticks: horizontal ? {} : ticks },
      };
    }
    return { type: type, data: { labels: data.labels, datasets: datasets }, options: options };
  }

  function draw(root) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) {
        return;
      }
      canvas.dataset.drawn = "1";
      new window.Chart(canvas, config(JSON.parse(source.textContent)));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
  });
  document.addEventListener("htmx:load", function (event) {
    draw(event.detail.elt);
  });
})();
