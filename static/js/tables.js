// Tables on a phone: each cell is labelled with its column's heading, so that the
// stylesheet can stack a row's cells as a card under 640 px instead of squeezing every
// column to one character. Without JavaScript the table scrolls sideways instead.
(function () {
  "use strict";
  function label(table) {
    var head = table.tHead;
    if (!head || !head.rows.length || table.hasAttribute("data-nostack")) return;
    var names = [];
    var cells = head.rows[head.rows.length - 1].cells;
    for (var i = 0; i < cells.length; i++) {
      for (var span = 0; span < (cells[i].colSpan || 1); span++) {
        names.push(cells[i].textContent.trim());
      }
    }
    for (var b = 0; b < table.tBodies.length; b++) {
      var rows = table.tBodies[b].rows;
      for (var r = 0; r < rows.length; r++) {
        var column = 0;
        for (var c = 0; c < rows[r].cells.length; c++) {
          var cell = rows[r].cells[c];
          if (names[column] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[column]);
          }
          column += cell.colSpan || 1;
        }
      }
    }
    table.setAttribute("data-stacked", "");
  }
  var tables = document.querySelectorAll("table");
  for (var t = 0; t < tables.length; t++) label(tables[t]);
})();
