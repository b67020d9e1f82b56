// warta report: sort the index by a column, filter it by id or title. Nothing else.
(function () {
  var table = document.querySelector("table.index");
  if (!table) return;
  var body = table.tBodies[0];
  table.tHead.addEventListener("click", function (event) {
    var th = event.target.closest("th");
    if (!th) return;
    var column = th.cellIndex;
    var descending = th.dataset.order !== "desc";
    th.dataset.order = descending ? "desc" : "asc";
    var rows = Array.prototype.slice.call(body.rows);
    var key = function (row) {
      var cell = row.cells[column];
      var text = cell ? cell.textContent : "";
      var n = Number(text);
      return text !== "" && !isNaN(n) ? n : text.toLowerCase();
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
  var filter = document.getElementById("filter");
  filter.addEventListener("input", function () {
    var needle = filter.value.toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) {
      row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) < 0;
    });
  });
})();
