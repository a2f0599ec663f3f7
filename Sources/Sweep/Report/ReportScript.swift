/// The report page's fixed style sheet and script. The script reads the report's JSON (a
/// ``SweepReport``) from the page, fills the summary and the sortable table with DOM calls (text
/// only, never HTML), hands each chart's config to Chart.js, then records on `<body>` how many
/// charts drew pixels (`data-charts`, `data-drawn`) and any script error, console error or
/// blocked request (`data-problems`, `#report-problems`), and how long it took
/// (`data-script-ms`; per chart `data-ms`), for the browser test, the benchmark and the reader.
enum ReportScript {
    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; color: #212529; }
        h1 { margin: 16px 0 4px; } h2 { margin-top: 32px; border-bottom: 1px solid #dee2e6; }
        .meta { color: #495057; } .note { color: #868e96; font-size: 13px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 16px; }
        .chart { position: relative; height: 340px; }
        .figure.wide { grid-column: 1 / -1; } .figure.wide .chart { height: 420px; }
        table { border-collapse: collapse; font-size: 12px; }
        th, td { padding: 2px 6px; border-bottom: 1px solid #e9ecef; text-align: right; white-space: nowrap; }
        th { cursor: pointer; background: #f1f3f5; position: sticky; top: 0; }
        .table-box { max-height: 480px; overflow: auto; }
        code, pre { background: #f1f3f5; padding: 2px 4px; }
        #report-problems { color: #c92a2a; white-space: pre-wrap; }
        """

    static let script = """
        (function () {
          "use strict";
          var began = performance.now();
          var problems = [];
          function note(kind, text) {
            problems.push(kind + ": " + text);
            document.getElementById("report-problems").textContent = problems.join("\\n");
            document.body.setAttribute("data-problems", String(problems.length));
          }
          window.addEventListener("error", function (event) { note("script error", event.message); });
          document.addEventListener("securitypolicyviolation", function (event) {
            note("blocked request", event.blockedURI + " (" + event.violatedDirective + ")");
          });
          var consoleError = console.error;
          console.error = function () {
            note("console error", Array.prototype.join.call(arguments, " "));
            consoleError.apply(console, arguments);
          };
          function add(parent, tag, text, className) {
            var element = document.createElement(tag);
            if (text !== undefined && text !== null) { element.textContent = String(text); }
            if (className) { element.className = className; }
            parent.appendChild(element);
            return element;
          }
          function section(name) { return document.getElementById("section-" + name); }
          var report = JSON.parse(document.getElementById("report-data").textContent);
          var summary = report.summary;

          document.title = "sweep " + summary.sweep;
          add(section("title"), "h1", "Sweep " + summary.sweep);
          add(section("title"), "div", "written " + summary.generatedAt +
            (report.refreshSeconds ? " — rewritten every " + report.refreshSeconds + " s while the sweep runs" : "") +
            "; objective " + summary.objective, "meta");
          var box = section("summary");
          summary.notes.forEach(function (text) { add(box, "p", text, "note"); });
          var states = Object.keys(summary.counts).map(function (state) { return state + " " + summary.counts[state]; });
          add(box, "p", summary.total + " trials: " + (states.join(", ") || "none") +
            ". Wall time " + summary.wallTime + ", compute " + summary.compute + ".");
          if (summary.running.length) { add(box, "p", "running now: trials " + summary.running.join(", ")); }
          if (summary.best) {
            add(box, "p", "Best: " + summary.best);
            add(add(box, "p"), "code", summary.bestCommand);
          }
          if (summary.problems.length) {
            add(box, "h3", "Failed, diverged and timed-out trials");
            var list = add(box, "ul");
            summary.problems.forEach(function (problem) {
              add(list, "li", "trial " + problem.trial + " (" + problem.state + "): " + problem.error);
            });
          }
          var details = add(box, "details");
          add(details, "summary", "sweep file");
          add(details, "pre", summary.specText);

          if (report.table.note) { add(section("ranking"), "p", report.table.note, "note"); }
          var tableBox = add(section("ranking"), "div", null, "table-box");
          var table = add(tableBox, "table");
          var head = add(add(table, "thead"), "tr");
          var body = add(table, "tbody");
          var rows = report.table.rows.slice();
          var order = { column: 0, ascending: true };
          function cellText(value) {
            if (value === null) { return "-"; }
            if (typeof value === "number") { return Number.isInteger(value) ? String(value) : value.toPrecision(4); }
            return value;
          }
          var shownRows = 300;
          var tableNote = add(section("ranking"), "p", null, "note");
          function fill() {
            body.textContent = "";
            tableNote.textContent = rows.length > shownRows ? "showing the first " + shownRows + " of " + rows.length + " rows in this order (sorting covers them all)" : "";
            rows.slice(0, shownRows).forEach(function (row) {
              var line = add(body, "tr");
              row.forEach(function (value) { add(line, "td", cellText(value)); });
            });
          }
          function compare(a, b) {
            if (a === b) { return 0; }
            if (a === null) { return 1; }
            if (b === null) { return -1; }
            return (a < b ? -1 : 1) * (order.ascending ? 1 : -1);
          }
          report.table.columns.forEach(function (name, column) {
            var header = add(head, "th", name);
            header.addEventListener("click", function () {
              order = { column: column, ascending: order.column === column ? !order.ascending : column < 2 };
              rows.sort(function (a, b) { return compare(a[column], b[column]) || (a[0] - b[0]); });
              fill();
            });
          });
          fill();

          var advice = section("advice");
          report.advice.statements.forEach(function (text) { add(advice, "p", text); });
          if (report.advice.rows.length) {
            var adviceTable = add(advice, "table");
            var adviceHead = add(adviceTable, "tr");
            ["batch_size", "trials", "best trial", "best lr", "best " + summary.objective, "best loss"].forEach(function (name) { add(adviceHead, "th", name); });
            report.advice.rows.forEach(function (row) {
              var line = add(adviceTable, "tr");
              [row.batchSize, row.trials, row.bestTrial, row.bestLR, row.bestObjective, row.bestLoss].forEach(function (value) { add(line, "td", cellText(value)); });
            });
          }
          if (report.importanceNote) { add(section("importance"), "p", report.importanceNote, "note"); }
          if (report.pareto.length) {
            add(section("pareto"), "p", "front: " + report.pareto.map(function (row) {
              return "trial " + row.trial + " (" + row.seconds.toFixed(1) + " s, " + row.objective.toFixed(4) + ")";
            }).join(", "));
          }

          var canvases = [];
          report.charts.forEach(function (chart) {
            var parent = section(chart.section);
            var grid = parent.querySelector(".grid") || add(parent, "div", null, "grid");
            var figure = add(grid, "div", null, "figure");
            var container = add(figure, "div", null, "chart");
            container.id = "chart-" + chart.id;
            if (["parallel", "curves", "timeline", "history-trial", "history-time"].indexOf(chart.id) >= 0) { figure.className = "figure wide"; }
            var canvas = add(container, "canvas");
            if (chart.note) { add(figure, "div", chart.note, "note"); }
            try {
              var chartBegan = performance.now();
              new Chart(canvas, chart.config);
              container.setAttribute("data-ms", String(Math.round(performance.now() - chartBegan)));
              canvases.push({ canvas: canvas, container: container });
            } catch (error) {
              note("chart " + chart.id, error.message);
            }
          });
          setTimeout(function () {
            var drawn = 0;
            canvases.forEach(function (entry) {
              var canvas = entry.canvas;
              if (!canvas.width || !canvas.height) { return; }
              var pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
              for (var i = 3; i < pixels.length; i += 4) {
                if (pixels[i] !== 0) { drawn += 1; entry.container.setAttribute("data-drawn", "true"); return; }
              }
            });
            document.body.setAttribute("data-charts", String(report.charts.length));
            document.body.setAttribute("data-drawn", String(drawn));
            document.body.setAttribute("data-problems", String(problems.length));
            document.body.setAttribute("data-script-ms", String(Math.round(performance.now() - began)));
            document.body.setAttribute("data-ready", "true");
          }, 0);
        })();
        """
}
