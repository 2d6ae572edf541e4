/*
 * "Write your log" (docs/write-your-log.md): an incident log kept in this
 * page's memory only, saved on request as a file locked with a passphrase.
 *
 * The fields come from the JSON block #log-config, rendered at build time
 * from data/incident-log.yml (scripts/tool_forms.py), with the CSV header
 * row and the file format. Nothing is written to any browser storage; the
 * page is emptied when it is left (pagehide), so Back shows nothing; there
 * is no beforeunload prompt, so the quick exit is never held up; no browser
 * dialog (confirm, alert) is used, for the same reason.
 *
 * File, version 2: one line of base64 of [version 1 byte][iterations 4
 * bytes, big-endian][salt][iv][AES-256-GCM ciphertext and tag], the key from
 * PBKDF2-SHA-256, the header bytes bound as additional data. Nothing in it
 * says what it is. Version 1 files (UTF-8 JSON {format, version, kdf,
 * iterations, salt, iv, ciphertext}, no additional data) still open.
 * docs/log-file-format.md documents both.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("log-config");
  if (!configElement) {
    return;
  }
  var config = JSON.parse(configElement.textContent);

  // Every message comes from the JSON block, in the page's language
  // (data/strings.yml or data/es/strings.yml, section log_writer);
  // "{name}" places are filled from values.
  function msg(key, values) {
    var text = config.messages[key];
    if (typeof text !== "string") {
      throw new Error("log-writer.js: no message " + key);
    }
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
  var fields = config.fields;
  var MAX_FILE_BYTES = 20 * 1024 * 1024;
  var MAX_ITERATIONS = 10000000;

  function $(id) {
    return document.getElementById(id);
  }

  var form = {
    legend: $("log-form-legend"),
    add: $("log-add"),
    cancel: $("log-cancel-edit"),
    alert: $("log-form-alert")
  };
  var ui = {
    status: $("log-status"),
    undo: $("log-undo"),
    empty: $("log-empty"),
    wrap: $("log-table-wrap"),
    body: document.querySelector("#log-table tbody"),
    alert: $("log-alert"),
    saveOpen: $("log-save-open"),
    openOpen: $("log-open-open"),
    clearOpen: $("log-clear-open"),
    savePanel: $("log-save-panel"),
    openPanel: $("log-open-panel"),
    clearPanel: $("log-clear-panel"),
    pass1: $("log-pass1"),
    pass2: $("log-pass2"),
    save: $("log-save"),
    saveAlert: $("log-save-alert"),
    file: $("log-file"),
    openPass: $("log-open-pass"),
    open: $("log-open"),
    openAlert: $("log-open-alert")
  };
  var cryptoReady = !!(window.crypto && window.crypto.subtle && window.isSecureContext !== false);

  // entries: {values: {key: text}, order: n}. order breaks ties when sorting.
  var entries = [];
  var nextOrder = 1;
  var editing = null;
  var removed = null;
  var dateKey = firstKey("date");
  var timeKey = firstKey("time");

  function firstKey(kind) {
    for (var i = 0; i < fields.length; i += 1) {
      if (fields[i].kind === kind) {
        return fields[i].key;
      }
    }
    return null;
  }

  function control(field) {
    return $("log-field-" + field.key);
  }

  // ---------------------------------------------------------------------
  // Messages
  // ---------------------------------------------------------------------

  // Brings an element on screen if it is not (a phone's screen is short).
  function reveal(element) {
    if (element.scrollIntoView) {
      element.scrollIntoView({ block: "nearest" });
    }
  }

  // A message in the status line; with moveFocus, focus goes to it, so a
  // reader who acted far below it sees and hears the result.
  function say(text, moveFocus) {
    clearAlerts();
    ui.status.textContent = text;
    if (moveFocus && text) {
      ui.status.focus();
    }
  }

  // An alert, with focus on the control to fix (if any) and the alert in view.
  function warn(where, text, focusTarget) {
    ui.status.textContent = "";
    clearAlerts();
    where.textContent = text;
    if (focusTarget) {
      focusTarget.focus();
    }
    reveal(where);
  }

  function clearAlerts() {
    [form.alert, ui.alert, ui.saveAlert, ui.openAlert].forEach(function (el) {
      el.textContent = "";
    });
  }

  function entriesText(count) {
    return count === 1 ? msg("one_entry") : msg("many_entries", { count: count });
  }

  function countText() {
    return entriesText(entries.length);
  }

  // ---------------------------------------------------------------------
  // The form
  // ---------------------------------------------------------------------

  function readForm() {
    var values = {};
    var any = false;
    fields.forEach(function (field) {
      var value = control(field).value.replace(/^\s+|\s+$/g, "");
      values[field.key] = value;
      any = any || value !== "";
    });
    return any ? values : null;
  }

  function fillForm(values) {
    fields.forEach(function (field) {
      var value = values && typeof values[field.key] === "string" ? values[field.key] : "";
      var element = control(field);
      element.value = value;
      if (element.tagName === "SELECT" && element.value !== value) {
        // A choice the list no longer has (an older file): keep it as an option.
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        element.appendChild(option);
        element.value = value;
      }
    });
  }

  function formHasText() {
    return readForm() !== null;
  }

  function setEditing(entry) {
    editing = entry;
    form.add.textContent = entry ? msg("save_changes") : msg("add_entry");
    form.legend.textContent = entry ? msg("change_entry") : msg("new_entry");
    form.cancel.hidden = !entry;
  }

  function addOrUpdate() {
    var values = readForm();
    if (!values) {
      warn(form.alert, msg("write_something"), control(fields[0]));
      return;
    }
    if (editing) {
      var entry = editing;
      Object.keys(values).forEach(function (key) {
        entry.values[key] = values[key];
      });
      setEditing(null);
      fillForm(null);
      render();
      say(msg("changes_made"));
      focusEntry(entry);
      return;
    }
    entries.push({ values: values, order: nextOrder++ });
    fillForm(null);
    hideUndo();
    render();
    say(msg("entry_added", { count: countText() }));
  }

  function cancelEdit() {
    var entry = editing;
    setEditing(null);
    fillForm(null);
    say(msg("changes_cancelled"));
    focusEntry(entry);
  }

  // ---------------------------------------------------------------------
  // The table
  // ---------------------------------------------------------------------

  function sortKey(entry) {
    return (dateKey ? entry.values[dateKey] || "" : "") + " " + (timeKey ? entry.values[timeKey] || "" : "");
  }

  // Newest first: by the first date and time columns, then the latest added.
  function sorted() {
    return entries.slice().sort(function (a, b) {
      var ka = sortKey(a);
      var kb = sortKey(b);
      if (ka !== kb) {
        return ka < kb ? 1 : -1;
      }
      return b.order - a.order;
    });
  }

  function describe(entry, number) {
    var when = [dateKey && entry.values[dateKey], timeKey && entry.values[timeKey]].filter(Boolean).join(" ");
    return " " + msg("entry_number", { number: number }) + (when ? ", " + when : "");
  }

  function button(text, hiddenText, action, entry) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "tool-button tool-button--small";
    element.textContent = text;
    var extra = document.createElement("span");
    extra.className = "tool-visually-hidden";
    extra.textContent = hiddenText;
    element.appendChild(extra);
    element.setAttribute("data-action", action);
    element.setAttribute("data-order", String(entry.order));
    return element;
  }

  function render() {
    var list = sorted();
    ui.body.textContent = "";
    list.forEach(function (entry, index) {
      var row = document.createElement("tr");
      fields.forEach(function (field) {
        var cell = document.createElement("td");
        cell.className = "log-table__" + field.kind;
        cell.textContent = entry.values[field.key] || "";
        row.appendChild(cell);
      });
      var actions = document.createElement("td");
      actions.className = "log-table__actions";
      var label = describe(entry, index + 1);
      actions.appendChild(button(msg("edit"), label, "edit", entry));
      actions.appendChild(button(msg("remove"), label, "remove", entry));
      row.appendChild(actions);
      ui.body.appendChild(row);
    });
    ui.empty.hidden = list.length > 0;
    ui.wrap.hidden = list.length === 0;
  }

  function findEntry(order) {
    for (var i = 0; i < entries.length; i += 1) {
      if (entries[i].order === order) {
        return entries[i];
      }
    }
    return null;
  }

  function focusEntry(entry) {
    var target = entry && ui.body.querySelector('button[data-action="edit"][data-order="' + entry.order + '"]');
    (target || form.add).focus();
  }

  function onTableClick(event) {
    var target = event.target.closest ? event.target.closest("button[data-action]") : null;
    if (!target) {
      return;
    }
    var entry = findEntry(Number(target.getAttribute("data-order")));
    if (!entry) {
      return;
    }
    if (target.getAttribute("data-action") === "edit") {
      setEditing(entry);
      fillForm(entry.values);
      say(msg("in_the_form"));
      control(fields[0]).focus();
    } else {
      entries.splice(entries.indexOf(entry), 1);
      if (editing === entry) {
        setEditing(null);
        fillForm(null);
      }
      removed = entry;
      render();
      say(msg("removed"));
      ui.undo.hidden = false;
      ui.undo.focus();
    }
  }

  function hideUndo() {
    removed = null;
    ui.undo.hidden = true;
  }

  function undo() {
    if (!removed) {
      return;
    }
    var entry = removed;
    entries.push(entry);
    hideUndo();
    render();
    say(msg("put_back"));
    focusEntry(entry);
  }

  // ---------------------------------------------------------------------
  // Panels: save, open, clear
  // ---------------------------------------------------------------------

  function showPanel(panel) {
    [ui.savePanel, ui.openPanel, ui.clearPanel].forEach(function (p) {
      p.hidden = p !== panel;
    });
    ui.pass1.value = "";
    ui.pass2.value = "";
    ui.openPass.value = "";
  }

  function closePanel(panel, focusTarget) {
    panel.hidden = true;
    ui.pass1.value = "";
    ui.pass2.value = "";
    ui.openPass.value = "";
    focusTarget.focus();
  }

  function busy(on) {
    [ui.save, ui.open].forEach(function (el) {
      el.disabled = on;
    });
  }

  // ---------------------------------------------------------------------
  // Files
  // ---------------------------------------------------------------------

  function today() {
    var now = new Date();
    function two(n) {
      return (n < 10 ? "0" : "") + n;
    }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
      link.parentNode.removeChild(link);
    }, 1000);
  }

  function toBase64(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return window.btoa(text);
  }

  function fromBase64(text, exactLength) {
    if (typeof text !== "string" || !/^[A-Za-z0-9+\/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
      return null;
    }
    var binary;
    try {
      binary = window.atob(text);
    } catch (error) {
      return null;
    }
    if (exactLength && binary.length !== exactLength) {
      return null;
    }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function passphraseBytes(passphrase) {
    var text = passphrase.normalize ? passphrase.normalize("NFC") : passphrase;
    return new TextEncoder().encode(text);
  }

  function deriveKey(passphrase, salt, iterations, use) {
    var subtle = window.crypto.subtle;
    return subtle.importKey("raw", passphraseBytes(passphrase), "PBKDF2", false, ["deriveKey"])
      .then(function (material) {
        return subtle.deriveKey(
          { name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256" },
          material, { name: "AES-GCM", length: 256 }, false, [use]);
      });
  }

  function plainEntries() {
    return sorted().reverse().map(function (entry) {
      var out = {};
      fields.forEach(function (field) {
        out[field.key] = entry.values[field.key] || "";
      });
      // Keys from an older file that this page has no box for are kept.
      Object.keys(entry.values).forEach(function (key) {
        if (!Object.prototype.hasOwnProperty.call(out, key)) {
          out[key] = entry.values[key];
        }
      });
      return out;
    });
  }

  function startSave() {
    if (!entries.length) {
      warn(ui.alert, msg("nothing_to_save"), ui.saveOpen);
      return;
    }
    showPanel(ui.savePanel);
    say("");
    ui.pass1.focus();
  }

  function save() {
    var pass = ui.pass1.value;
    if (pass.length < config.minPassphrase) {
      warn(ui.saveAlert, msg("too_short", { min: config.minPassphrase }), ui.pass1);
      return;
    }
    if (pass !== ui.pass2.value) {
      ui.pass2.value = "";
      warn(ui.saveAlert, msg("not_same"), ui.pass2);
      return;
    }
    if (!cryptoReady) {
      warn(ui.saveAlert, msg("cannot_lock"), ui.save);
      return;
    }
    // A fresh salt and nonce for every save: the same passphrase never gives
    // the same key and nonce twice (AES-GCM must never reuse a nonce).
    var salt = window.crypto.getRandomValues(new Uint8Array(config.saltBytes));
    var iv = window.crypto.getRandomValues(new Uint8Array(config.ivBytes));
    var header = v2Header(config.iterations, salt, iv);
    var plaintext = new TextEncoder().encode(JSON.stringify({ entries: plainEntries() }));
    var count = countText();
    var started = window.performance.now();
    busy(true);
    say(msg("locking"));
    deriveKey(pass, salt, config.iterations, "encrypt").then(function (key) {
      return window.crypto.subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: header }, key, plaintext);
    }).then(function (ciphertext) {
      var sealed = new Uint8Array(ciphertext);
      var bytes = new Uint8Array(header.length + sealed.length);
      bytes.set(header, 0);
      bytes.set(sealed, header.length);
      var name = config.fileStem + "-" + today() + config.fileExtension;
      download(name, "application/octet-stream", toBase64(bytes) + "\n");
      ui.status.setAttribute("data-ms", String(Math.round(window.performance.now() - started)));
      closePanel(ui.savePanel, ui.saveOpen);
      say(msg("saved", { count: count, name: name }) + (formHasText() ? " " + msg("form_not_in_file") : ""),
        true);
    }).catch(function () {
      warn(ui.saveAlert, msg("save_failed"), ui.save);
    }).then(function () {
      busy(false);
    });
  }

  function startOpen() {
    showPanel(ui.openPanel);
    say("");
    ui.file.focus();
  }

  // Problems with the file itself, each with its own message.
  var NOT_OURS = msg("not_ours");
  var DAMAGED = msg("damaged");
  var UNCHANGED = " " + msg("unchanged");

  function fail(message) {
    var error = new Error(message);
    error.forReader = true;
    return error;
  }

  function newer(version) {
    return fail(msg("newer", { version: version, max: config.version }));
  }

  function checkIterations(it) {
    if (typeof it !== "number" || it % 1 !== 0 || it < 1 || it > MAX_ITERATIONS) {
      throw fail(DAMAGED);
    }
    return it;
  }

  // Version 2's header: version, iterations (big-endian), salt, iv.
  function v2Header(iterations, salt, iv) {
    var header = new Uint8Array(config.headerBytes);
    header[0] = config.version;
    header[1] = (iterations >>> 24) & 255;
    header[2] = (iterations >>> 16) & 255;
    header[3] = (iterations >>> 8) & 255;
    header[4] = iterations & 255;
    header.set(salt, 5);
    header.set(iv, 5 + config.saltBytes);
    return header;
  }

  // Version 2: the whole file is base64 (white space allowed). A file that is
  // not base64 at all is not ours; one cut short is damaged.
  function checkV2(text) {
    var b64 = text.replace(/\s+/g, "");
    if (!b64 || !/^[A-Za-z0-9+\/]+={0,2}$/.test(b64)) {
      throw fail(NOT_OURS);
    }
    var cut = b64.length % 4 !== 0;
    var bytes = fromBase64(b64.slice(0, b64.length - (b64.length % 4)));
    if (!bytes || !bytes.length) {
      throw fail(NOT_OURS);
    }
    if (bytes[0] !== 2) {
      if (bytes[0] > 2 && bytes[0] < 16 && !cut) {
        throw newer(bytes[0]);
      }
      throw fail(NOT_OURS);
    }
    if (cut || bytes.length < config.headerBytes + config.tagBytes) {
      throw fail(DAMAGED);
    }
    var it = checkIterations(((bytes[1] << 24) >>> 0) + (bytes[2] << 16) + (bytes[3] << 8) + bytes[4]);
    var ivStart = 5 + config.saltBytes;
    return {
      iterations: it,
      salt: bytes.slice(5, ivStart),
      iv: bytes.slice(ivStart, config.headerBytes),
      additionalData: bytes.slice(0, config.headerBytes),
      ciphertext: bytes.slice(config.headerBytes)
    };
  }

  // Version 1: JSON with the old format name.
  function checkV1(text) {
    var saved;
    try {
      saved = JSON.parse(text);
    } catch (error) {
      throw fail(text.indexOf(config.v1Format) !== -1 ? DAMAGED : NOT_OURS);
    }
    if (!saved || typeof saved !== "object" || Array.isArray(saved) || saved.format !== config.v1Format) {
      throw fail(NOT_OURS);
    }
    if (typeof saved.version !== "number" || saved.version % 1 !== 0 || saved.version < 1) {
      throw fail(DAMAGED);
    }
    if (saved.version !== 1) {
      throw saved.version > config.version ? newer(saved.version) : fail(DAMAGED);
    }
    if (saved.kdf !== config.kdf) {
      throw fail(DAMAGED);
    }
    var salt = fromBase64(saved.salt, config.saltBytes);
    var iv = fromBase64(saved.iv, config.ivBytes);
    var ciphertext = fromBase64(saved.ciphertext);
    if (!salt || !iv || !ciphertext || ciphertext.length < config.tagBytes) {
      throw fail(DAMAGED);
    }
    return { iterations: checkIterations(saved.iterations), salt: salt, iv: iv, additionalData: null,
      ciphertext: ciphertext };
  }

  function checkFile(text) {
    var start = text.replace(/^\ufeff/, "").replace(/^\s+/, "");
    return start.charAt(0) === "{" ? checkV1(start) : checkV2(start);
  }

  function checkEntries(plaintext) {
    var data;
    try {
      data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
    } catch (error) {
      throw fail(DAMAGED);
    }
    if (!data || !Array.isArray(data.entries)) {
      throw fail(DAMAGED);
    }
    return data.entries.map(function (item) {
      if (!item || typeof item !== "object" || Array.isArray(item)) {
        throw fail(DAMAGED);
      }
      var values = {};
      Object.keys(item).forEach(function (key) {
        if (typeof item[key] === "string") {
          values[key] = item[key];
        } else if (item[key] !== null && item[key] !== undefined) {
          values[key] = String(item[key]);
        }
      });
      return values;
    });
  }

  function sameValues(a, b) {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i += 1) {
      if ((a[keys[i]] || "") !== (b[keys[i]] || "")) {
        return false;
      }
    }
    return true;
  }

  function open() {
    var file = ui.file.files && ui.file.files[0];
    var pass = ui.openPass.value;
    if (!file) {
      warn(ui.openAlert, msg("choose_file"), ui.file);
      return;
    }
    if (!pass) {
      warn(ui.openAlert, msg("type_passphrase"), ui.openPass);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      warn(ui.openAlert, NOT_OURS + UNCHANGED, ui.file);
      return;
    }
    if (!cryptoReady) {
      warn(ui.openAlert, msg("cannot_open") + UNCHANGED,
        ui.open);
      return;
    }
    var started = window.performance.now();
    var saved;
    busy(true);
    say(msg("opening"));
    file.text().then(function (text) {
      saved = checkFile(text);
      return deriveKey(pass, saved.salt, saved.iterations, "decrypt");
    }).then(function (key) {
      var params = { name: "AES-GCM", iv: saved.iv };
      if (saved.additionalData) {
        params.additionalData = saved.additionalData;
      }
      return window.crypto.subtle.decrypt(params, key, saved.ciphertext)
        .catch(function () {
          throw fail(msg("wrong_passphrase"));
        });
    }).then(function (plaintext) {
      var found = checkEntries(plaintext);
      var added = 0;
      found.forEach(function (values) {
        var known = entries.some(function (entry) {
          return sameValues(entry.values, values);
        });
        if (!known) {
          entries.push({ values: values, order: nextOrder++ });
          added += 1;
        }
      });
      hideUndo();
      render();
      ui.status.setAttribute("data-ms", String(Math.round(window.performance.now() - started)));
      ui.file.value = "";
      closePanel(ui.openPanel, ui.openOpen);
      var known = found.length - added;
      var opened = !known ? "opened_none_known" : known === 1 ? "opened_known_one" : "opened_known_many";
      say(msg(opened, { added: entriesText(added), known: known, count: countText() }), true);
    }).catch(function (error) {
      ui.openPass.value = "";
      warn(ui.openAlert, (error && error.forReader ? error.message : DAMAGED) + UNCHANGED, ui.openPass);
    }).then(function () {
      busy(false);
    });
  }

  // ---------------------------------------------------------------------
  // CSV, print, clear
  // ---------------------------------------------------------------------

  function csvCell(value) {
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function downloadCsv() {
    if (!entries.length) {
      warn(ui.alert, msg("nothing_for_csv"), $("log-csv"));
      return;
    }
    var lines = sorted().map(function (entry) {
      return fields.map(function (field) {
        return csvCell(entry.values[field.key] || "");
      }).join(",");
    });
    var name = config.fileStem + "-" + today() + ".csv";
    // A byte-order mark, so spreadsheet apps read accents and quote marks right.
    download(name, "text/csv", "\ufeff" + config.csvHeader + lines.join("\r\n") + "\r\n");
    say(msg("csv_done", { name: name }));
  }

  function print() {
    if (!entries.length) {
      warn(ui.alert, msg("nothing_to_print"), $("log-print"));
      return;
    }
    say("");
    window.print();
  }

  function startClear() {
    showPanel(ui.clearPanel);
    say("");
    $("log-clear-cancel").focus();
  }

  function wipe() {
    entries = [];
    setEditing(null);
    fillForm(null);
    hideUndo();
    ui.pass1.value = "";
    ui.pass2.value = "";
    ui.openPass.value = "";
    ui.file.value = "";
    render();
  }

  function clearAll() {
    wipe();
    ui.clearPanel.hidden = true;
    say(msg("cleared"), true);
  }

  // ---------------------------------------------------------------------
  // Wiring
  // ---------------------------------------------------------------------

  // Column widths for the printed table (log-print.css), in proportion to the data file's widths.
  // A date column gets room for a whole date (2026-11-22) at the printed size.
  var weights = fields.map(function (field) {
    return field.kind === "date" ? Math.max(field.width, 16) : field.width;
  });
  var total = weights.reduce(function (sum, weight) {
    return sum + weight;
  }, 0);
  Array.prototype.forEach.call(document.querySelectorAll("#log-table th[data-width]"), function (th, i) {
    th.style.setProperty("--log-column-width", (100 * weights[i] / total).toFixed(2) + "%");
  });

  if (!cryptoReady) {
    $("log-no-crypto").hidden = false;
  }

  form.add.addEventListener("click", addOrUpdate);
  form.cancel.addEventListener("click", cancelEdit);
  ui.body.addEventListener("click", onTableClick);
  ui.undo.addEventListener("click", undo);
  ui.saveOpen.addEventListener("click", startSave);
  ui.openOpen.addEventListener("click", startOpen);
  $("log-csv").addEventListener("click", downloadCsv);
  $("log-print").addEventListener("click", print);
  ui.clearOpen.addEventListener("click", startClear);
  ui.save.addEventListener("click", save);
  ui.open.addEventListener("click", open);
  $("log-clear").addEventListener("click", clearAll);
  $("log-save-cancel").addEventListener("click", function () {
    closePanel(ui.savePanel, ui.saveOpen);
  });
  $("log-open-cancel").addEventListener("click", function () {
    ui.file.value = "";
    closePanel(ui.openPanel, ui.openOpen);
  });
  $("log-clear-cancel").addEventListener("click", function () {
    closePanel(ui.clearPanel, ui.clearOpen);
  });
  // Enter in a passphrase box does what its panel's main button does.
  [[ui.pass1, save], [ui.pass2, save], [ui.openPass, open]].forEach(function (pair) {
    pair[0].addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        pair[1]();
      }
    });
  });

  // Leaving the page (any way, the quick exit included) forgets everything, so a
  // page kept in the back-forward cache shows nothing when someone presses Back.
  window.addEventListener("pagehide", wipe);
})();
