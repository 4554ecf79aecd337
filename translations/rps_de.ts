<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExportFile</name>
    <message>
        <source>Cannot draw %1</source>
        <translation>%1 kann nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: no image format has the suffix &apos;%2&apos;</source>
        <translation>%1 kann nicht geschrieben werden: kein Bildformat hat die Endung &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>LayoutCommand</name>
    <message>
        <source>Move AP %1</source>
        <translation>AP %1 verschieben</translation>
    </message>
    <message>
        <source>Rotate AP %1</source>
        <translation>AP %1 drehen</translation>
    </message>
    <message>
        <source>Move reflector plate</source>
        <translation>Reflektorplatte verschieben</translation>
    </message>
    <message>
        <source>Move focal point</source>
        <translation>Brennpunkt verschieben</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>Anordnung übernehmen</translation>
    </message>
    <message>
        <source>Tilt AP %1</source>
        <translation>AP %1 neigen</translation>
    </message>
</context>
<context>
    <name>MapInfoLines</name>
    <message>
        <source>P5 RSS</source>
        <translation>P5-RSS</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>Minimaler RSS</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>Soft-Min.-RSS</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>Mittlerer RSS</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Versorgung</translation>
    </message>
    <message>
        <source>No map: %1</source>
        <translation>Keine Karte: %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>dBm</source>
        <translation>dBm</translation>
    </message>
    <message>
        <source>P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm</source>
        <translation>P5 %1 dBm  |  Mittel %2 dBm  |  Min. %3 dBm</translation>
    </message>
    <message>
        <source>coverage %1 % of %2 cells at ≥ %3 dBm</source>
        <translation>Versorgung %1 % von %2 Zellen bei ≥ %3 dBm</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>No study set-up.</source>
        <translation>Keine Studienkonfiguration.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>Versorgungsschwelle</translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>%1 GHz</source>
        <translation>%1 GHz</translation>
    </message>
    <message>
        <source>AP power</source>
        <translation>AP-Leistung</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>The study document:</source>
        <translation>Das Studiendokument:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation>Noch kein Ergebnis.</translation>
    </message>
    <message>
        <source>Best %1: %2 %3</source>
        <translation>Bester Wert %1: %2 %3</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation>x [m]</translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation>y [m]</translation>
    </message>
    <message>
        <source>z [m]</source>
        <translation>z [m]</translation>
    </message>
    <message>
        <source>Yaw [°]</source>
        <translation>Azimut [°]</translation>
    </message>
    <message>
        <source>Downtilt [°]</source>
        <translation>Neigung [°]</translation>
    </message>
    <message>
        <source>Reflector plate:</source>
        <translation>Reflektorplatte:</translation>
    </message>
    <message>
        <source>u</source>
        <translation>u</translation>
    </message>
    <message>
        <source>v</source>
        <translation>v</translation>
    </message>
    <message>
        <source>Mount point x, y [m]</source>
        <translation>Montagepunkt x, y [m]</translation>
    </message>
    <message>
        <source>Focal point x, y, z [m]</source>
        <translation>Brennpunkt x, y, z [m]</translation>
    </message>
    <message>
        <source>Parameter vector:</source>
        <translation>Parametervektor:</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics of the best map:</source>
        <translation>Kennzahlen der besten Karte:</translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation>Versorgung [%]</translation>
    </message>
    <message>
        <source>Valid / counted cells</source>
        <translation>Gültige / gezählte Zellen</translation>
    </message>
    <message>
        <source>Metrics of the best layout:</source>
        <translation>Kennzahlen der besten Anordnung:</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Mean [%1]</source>
        <translation>Mittelwert [%1]</translation>
    </message>
    <message>
        <source>Std [%1]</source>
        <translation>Std.-abw. [%1]</translation>
    </message>
    <message>
        <source>Min [%1]</source>
        <translation>Min. [%1]</translation>
    </message>
    <message>
        <source>Max [%1]</source>
        <translation>Max. [%1]</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>No finished task.</source>
        <translation>Keine abgeschlossene Aufgabe.</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Busy [s]</source>
        <translation>Beschäftigt [s]</translation>
    </message>
    <message>
        <source>Busy share [%]</source>
        <translation>Auslastung [%]</translation>
    </message>
    <message>
        <source>Pool efficiency (busy / (workers × wall)): %1 %</source>
        <translation>Pool-Effizienz (beschäftigt / (Worker × Laufzeit)): %1 %</translation>
    </message>
    <message>
        <source>Study summary:</source>
        <translation>Zusammenfassung der Studie:</translation>
    </message>
    <message>
        <source>No timing yet.</source>
        <translation>Noch keine Zeitmessung.</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Task time, total</source>
        <translation>Aufgabenzeit, gesamt</translation>
    </message>
    <message>
        <source>Task time, mean</source>
        <translation>Aufgabenzeit, Mittelwert</translation>
    </message>
    <message>
        <source>Task time, median</source>
        <translation>Aufgabenzeit, Median</translation>
    </message>
    <message>
        <source>Task time, max</source>
        <translation>Aufgabenzeit, Maximum</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 tasks/s</source>
        <translation>%1 Aufgaben/s</translation>
    </message>
    <message>
        <source>study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Study report: %1</source>
        <translation>Studienbericht: %1</translation>
    </message>
    <message>
        <source>Generated by Reflector Placement Studio on %1.</source>
        <translation>Erstellt mit Reflector Placement Studio am %1.</translation>
    </message>
    <message>
        <source>Best objective: %1 = %2 %3</source>
        <translation>Bester Zielwert: %1 = %2 %3</translation>
    </message>
    <message>
        <source>1. Scene</source>
        <translation>1. Szene</translation>
    </message>
    <message>
        <source>No scene picture.</source>
        <translation>Kein Szenenbild.</translation>
    </message>
    <message>
        <source>2. Study set-up</source>
        <translation>2. Studienkonfiguration</translation>
    </message>
    <message>
        <source>3. Best layout</source>
        <translation>3. Beste Anordnung</translation>
    </message>
    <message>
        <source>4. Maps</source>
        <translation>4. Karten</translation>
    </message>
    <message>
        <source>No map of the best layout.</source>
        <translation>Keine Karte der besten Anordnung.</translation>
    </message>
    <message>
        <source>5. Plots</source>
        <translation>5. Diagramme</translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation>Zielwert über abgeschlossene Aufgaben</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Konvergenz</translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation>Untersuchte Positionen</translation>
    </message>
    <message>
        <source>Workers and time per task</source>
        <translation>Worker und Zeit pro Aufgabe</translation>
    </message>
    <message>
        <source>6. Statistics</source>
        <translation>6. Statistik</translation>
    </message>
    <message>
        <source>7. Timing</source>
        <translation>7. Zeiten</translation>
    </message>
    <message>
        <source>Study report</source>
        <translation>Studienbericht</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>P5 [%1]</source>
        <translation>P5 [%1]</translation>
    </message>
    <message>
        <source>Soft-min [%1]</source>
        <translation>Soft-Min. [%1]</translation>
    </message>
</context>
<context>
    <name>StoredStudyReport</name>
    <message>
        <source>%1: no extension; name the report FILE.html or FILE.pdf</source>
        <translation>%1: keine Dateiendung; den Bericht DATEI.html oder DATEI.pdf nennen</translation>
    </message>
    <message>
        <source>%1: unknown report format &apos;.%2&apos; (use .html or .pdf)</source>
        <translation>%1: unbekanntes Berichtsformat &apos;.%2&apos; (.html oder .pdf verwenden)</translation>
    </message>
    <message>
        <source>%1: cannot write the report: folder %2 does not exist</source>
        <translation>%1: der Bericht kann nicht geschrieben werden: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>%1: not a study file (.h5) written by rps run</source>
        <translation>%1: keine von rps run geschriebene Studiendatei (.h5)</translation>
    </message>
    <message>
        <source>%1: no study file is open</source>
        <translation>%1: keine Studiendatei geöffnet</translation>
    </message>
    <message>
        <source>%1: scene file not found (--scene)</source>
        <translation>%1: Szenendatei nicht gefunden (--scene)</translation>
    </message>
</context>
<context>
    <name>StudioActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open a scene (XML), a study (JSON) or a study result (HDF5)</source>
        <translation>Eine Szene (XML), eine Studie (JSON) oder ein Studienergebnis (HDF5) öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Study</source>
        <translation>Studie &amp;speichern</translation>
    </message>
    <message>
        <source>Save the study set-up as JSON</source>
        <translation>Die Studienkonfiguration als JSON speichern</translation>
    </message>
    <message>
        <source>Save Study &amp;As…</source>
        <translation>Studie speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the study set-up as JSON under a new name</source>
        <translation>Die Studienkonfiguration unter neuem Namen als JSON speichern</translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation>Bericht als &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the study report (set-up, best layout, maps, plots, statistics) as PDF</source>
        <translation>Den Studienbericht (Konfiguration, beste Anordnung, Karten, Diagramme, Statistik) als PDF exportieren</translation>
    </message>
    <message>
        <source>Report as &amp;HTML…</source>
        <translation>Bericht als &amp;HTML…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export the study report as one self-contained HTML file</source>
        <translation>Den Studienbericht als eigenständige HTML-Datei exportieren</translation>
    </message>
    <message>
        <source>Best &amp;Configuration…</source>
        <translation>Beste &amp;Konfiguration…</translation>
    </message>
    <message>
        <source>Plan &amp;Image (PNG/SVG)…</source>
        <translation>Plan als &amp;Bild (PNG/SVG)…</translation>
    </message>
    <message>
        <source>Export the plan view with its heatmap as PNG or SVG</source>
        <translation>Die Planansicht mit ihrer Heatmap als PNG oder SVG exportieren</translation>
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation>&amp;Bildschirmfoto speichern…</translation>
    </message>
    <message>
        <source>F12</source>
        <translation>F12</translation>
    </message>
    <message>
        <source>Save a picture of the whole window</source>
        <translation>Ein Bild des ganzen Fensters speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Reflector Placement Studio</source>
        <translation>Reflector Placement Studio beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last layout edit</source>
        <translation>Die letzte Änderung der Anordnung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the layout edit</source>
        <translation>Die Änderung der Anordnung wiederholen</translation>
    </message>
    <message>
        <source>Re&amp;set Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Put the APs and the plate back to their starting places</source>
        <translation>APs und Platte an ihre Ausgangspositionen zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Fit Plan</source>
        <translation>Plan &amp;einpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Fit the whole scene into the plan view</source>
        <translation>Die ganze Szene in die Planansicht einpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom into the plan</source>
        <translation>In den Plan hineinzoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out of the plan</source>
        <translation>Aus dem Plan herauszoomen</translation>
    </message>
    <message>
        <source>Rescale &amp;Colours</source>
        <translation>&amp;Farbskala anpassen</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Fit the colour scale to the map on screen</source>
        <translation>Die Farbskala an die angezeigte Karte anpassen</translation>
    </message>
    <message>
        <source>S&amp;mooth Heatmap</source>
        <translation>Heatmap &amp;glätten</translation>
    </message>
    <message>
        <source>Interpolate the heatmap between cells</source>
        <translation>Die Heatmap zwischen den Zellen interpolieren</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>&amp;Legende anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Show the materials and symbols legend on the plan</source>
        <translation>Die Legende der Materialien und Symbole im Plan anzeigen</translation>
    </message>
    <message>
        <source>Follow &amp;Best Layout</source>
        <translation>&amp;Bester Anordnung folgen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>While a study runs, show its best layout so far on the plan</source>
        <translation>Während eine Studie läuft, ihre bisher beste Anordnung im Plan zeigen</translation>
    </message>
    <message>
        <source>Reset 3D &amp;Camera</source>
        <translation>3D-&amp;Kamera zurücksetzen</translation>
    </message>
    <message>
        <source>Look at the whole scene again</source>
        <translation>Wieder die ganze Szene betrachten</translation>
    </message>
    <message>
        <source>&amp;Start Study</source>
        <translation>&amp;Studie starten</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Run the study on the worker pool</source>
        <translation>Die Studie auf dem Worker-Pool ausführen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>Pause or continue dispatching tasks</source>
        <translation>Das Verteilen von Aufgaben anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel Study</source>
        <translation>Studie &amp;abbrechen</translation>
    </message>
    <message>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <source>Stop the study; finished tasks stay in its file</source>
        <translation>Die Studie anhalten; abgeschlossene Aufgaben bleiben in ihrer Datei</translation>
    </message>
    <message>
        <source>&amp;Resume from File…</source>
        <translation>Aus Datei &amp;fortsetzen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Continue an interrupted study from its HDF5 file</source>
        <translation>Eine unterbrochene Studie aus ihrer HDF5-Datei fortsetzen</translation>
    </message>
    <message>
        <source>Compare &amp;Winners…</source>
        <translation>Beste &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Compare the best results: maps, difference, CDF, metrics</source>
        <translation>Die besten Ergebnisse vergleichen: Karten, Differenz, Verteilungsfunktion, Kennzahlen</translation>
    </message>
    <message>
        <source>Show &amp;Best Layout</source>
        <translation>Beste Anordnung &amp;zeigen</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Put the best layout found so far on the plan</source>
        <translation>Die bisher beste Anordnung in den Plan übernehmen</translation>
    </message>
    <message>
        <source>&amp;Keyboard and Mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <source>How to work the plan view</source>
        <translation>Bedienung der Planansicht</translation>
    </message>
    <message>
        <source>&amp;About Reflector Placement Studio</source>
        <translation>&amp;Über Reflector Placement Studio</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation>Die verwendete Qt-Version</translation>
    </message>
    <message>
        <source>Fast Drag &amp;Preview</source>
        <translation>Schnelle Zieh&amp;vorschau</translation>
    </message>
    <message>
        <source>While dragging, show first-order maps when full maps take longer than the drag budget; the full map follows when the drag rests</source>
        <translation>Beim Ziehen Karten erster Ordnung zeigen, wenn volle Karten länger als das Zeitbudget brauchen; die volle Karte folgt, sobald das Ziehen ruht</translation>
    </message>
    <message>
        <source>Export the best layout found (or the one on the plan before any result) into a folder as rps export --best does: best_layout.json, and best_scene.xml with the APs as parameters and the reflector plate as a metal mesh</source>
        <translation>Die beste gefundene Anordnung (vor dem ersten Ergebnis die im Plan) wie rps export --best in einen Ordner exportieren: best_layout.json und best_scene.xml mit den APs als Parameter und der Reflektorplatte als Metallnetz</translation>
    </message>
    <message>
        <source>Current P&amp;lot (PNG/SVG)…</source>
        <translation>Aktuelles &amp;Diagramm (PNG/SVG)…</translation>
    </message>
    <message>
        <source>Export the live plot on the visible tab as PNG or SVG</source>
        <translation>Das Live-Diagramm des sichtbaren Reiters als PNG oder SVG exportieren</translation>
    </message>
    <message>
        <source>Reset &amp;Window Layout</source>
        <translation>&amp;Fensteranordnung zurücksetzen</translation>
    </message>
    <message>
        <source>Put the panels back where they were at the first start and fit the window to the screen</source>
        <translation>Die Bereiche wie beim ersten Start anordnen und das Fenster an den Bildschirm anpassen</translation>
    </message>
</context>
<context>
    <name>rps::CompareDialog</name>
    <message>
        <source>Compare results</source>
        <translation>Ergebnisse vergleichen</translation>
    </message>
    <message>
        <source>Tick 2 to %1 results to compare</source>
        <translation>2 bis %1 Ergebnisse zum Vergleich ankreuzen</translation>
    </message>
    <message>
        <source>RSS [dBm]</source>
        <translation>RSS [dBm]</translation>
    </message>
    <message>
        <source>Cells at or below [%]</source>
        <translation>Zellen bis einschließlich [%]</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation>Versorgung [%]</translation>
    </message>
    <message>
        <source>Valid cells</source>
        <translation>Gültige Zellen</translation>
    </message>
    <message>
        <source>No map of this result for the current grid</source>
        <translation>Keine Karte dieses Ergebnisses für das aktuelle Raster</translation>
    </message>
    <message>
        <source>At most %1 results can be compared at once.</source>
        <translation>Höchstens %1 Ergebnisse lassen sich gleichzeitig vergleichen.</translation>
    </message>
    <message>
        <source>Pick at least %1 results to compare.</source>
        <translation>Mindestens %1 Ergebnisse zum Vergleich auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n result(s) on one colour scale.</source>
        <translation>
            <numerusform>%n Ergebnis auf einer Farbskala im Vergleich.</numerusform>
            <numerusform>%n Ergebnisse auf einer Farbskala im Vergleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation>x [m]</translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation>y [m]</translation>
    </message>
    <message>
        <source>Difference: %1 − %2 [dB]</source>
        <translation>Differenz: %1 − %2 [dB]</translation>
    </message>
    <message>
        <source>Δ [dB]</source>
        <translation>Δ [dB]</translation>
    </message>
    <message>
        <source>Export Picture…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <source>Save the maps, the difference and the CDF as one picture</source>
        <translation>Karten, Differenz und Verteilungsfunktion als ein Bild speichern</translation>
    </message>
    <message>
        <source>Export comparison picture</source>
        <translation>Vergleichsbild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>PNG-Bild (*.png);;JPEG-Bild (*.jpg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>SINR [%1]</source>
        <translation>SINR [%1]</translation>
    </message>
    <message>
        <source>P5 [%1]</source>
        <translation>P5 [%1]</translation>
    </message>
    <message>
        <source>Min [%1]</source>
        <translation>Min. [%1]</translation>
    </message>
    <message>
        <source>Soft-min [%1]</source>
        <translation>Soft-Min. [%1]</translation>
    </message>
    <message>
        <source>Mean [%1]</source>
        <translation>Mittelwert [%1]</translation>
    </message>
</context>
<context>
    <name>rps::LivePlotsPanel</name>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Received power of the best layout so far</source>
        <translation>Empfangsleistung der bisher besten Anordnung</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>Distribution of the objective over finished tasks</source>
        <translation>Verteilung des Zielwerts über abgeschlossene Aufgaben</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Explored AP, plate and focal positions by objective</source>
        <translation>Untersuchte AP-, Platten- und Brennpunktpositionen nach Zielwert</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Per-worker timeline and time per task</source>
        <translation>Zeitleiste je Worker und Zeit pro Aufgabe</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Konvergenz</translation>
    </message>
    <message>
        <source>Best objective vs finished tasks and vs time</source>
        <translation>Bester Zielwert über abgeschlossene Aufgaben und über die Zeit</translation>
    </message>
    <message>
        <source>Best layout so far</source>
        <translation>Bisher beste Anordnung</translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation>x [m]</translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation>y [m]</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>RSS [dBm]</source>
        <translation>RSS [dBm]</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>Reflector</source>
        <translation>Reflektor</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Brennpunkt</translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation>Zielwert über abgeschlossene Aufgaben</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation>Untersuchte Positionen</translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation>Reflektorplatte</translation>
    </message>
    <message>
        <source>Time [s]</source>
        <translation>Zeit [s]</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Task (in order of completion)</source>
        <translation>Aufgabe (in Reihenfolge der Fertigstellung)</translation>
    </message>
    <message>
        <source>Time per task [s]</source>
        <translation>Zeit pro Aufgabe [s]</translation>
    </message>
    <message>
        <source>Finished tasks</source>
        <translation>Abgeschlossene Aufgaben</translation>
    </message>
    <message>
        <source>Best vs tasks</source>
        <translation>Bester Wert über Aufgaben</translation>
    </message>
    <message>
        <source>Best vs time</source>
        <translation>Bester Wert über die Zeit</translation>
    </message>
    <message>
        <source>Best layout so far: %1 = %2 %3</source>
        <translation>Bisher beste Anordnung: %1 = %2 %3</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>best %1 %2</source>
        <translation>bester Wert %1 %2</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>Best %1 [%2]</source>
        <translation>Bester Wert %1 [%2]</translation>
    </message>
    <message>
        <source>Reflector Placement Studio plot</source>
        <translation>Diagramm von Reflector Placement Studio</translation>
    </message>
    <message>
        <source>No plot named &apos;%1&apos;</source>
        <translation>Kein Diagramm namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot write %1: export a plot as PNG, JPG, PDF or SVG</source>
        <translation>%1 kann nicht geschrieben werden: ein Diagramm wird als PNG, JPG, PDF oder SVG exportiert</translation>
    </message>
</context>
<context>
    <name>rps::MainWindow</name>
    <message>
        <source>Study Set-up</source>
        <translation>Studienkonfiguration</translation>
    </message>
    <message>
        <source>Run Control</source>
        <translation>Ablaufsteuerung</translation>
    </message>
    <message>
        <source>Live Plots</source>
        <translation>Live-Diagramme</translation>
    </message>
    <message>
        <source>3D View</source>
        <translation>3D-Ansicht</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes when the studio starts next time.</source>
        <translation>Die Sprache ändert sich beim nächsten Start des Studios.</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Studie</translation>
    </message>
    <message>
        <source>Apply &amp;Preset</source>
        <translation>&amp;Vorlage anwenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Objective of the layout on the plan</source>
        <translation>Zielwert der Anordnung im Plan</translation>
    </message>
    <message>
        <source>From the edit to the new map on screen, and the time the map itself took (median over the last edits)</source>
        <translation>Von der Änderung bis zur neuen Karte auf dem Bildschirm, und die Rechenzeit der Karte selbst (Median der letzten Änderungen)</translation>
    </message>
    <message>
        <source>Ready. Open a scene, a study or a result file (Ctrl+O).</source>
        <translation>Bereit. Eine Szene, eine Studie oder eine Ergebnisdatei öffnen (Ctrl+O).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Scenes, studies and results (*.xml *.json *.h5);;Scene (*.xml);;Study (*.json);;Study result (*.h5);;All files (*)</source>
        <translation>Szenen, Studien und Ergebnisse (*.xml *.json *.h5);;Szene (*.xml);;Studie (*.json);;Studienergebnis (*.h5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Study saved to %1</source>
        <translation>Studie gespeichert unter %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Export best configuration to a folder</source>
        <translation>Beste Konfiguration in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Export plan image</source>
        <translation>Planbild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move it; the map follows while you drag&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an arrow tip&lt;/b&gt;&lt;/td&gt;&lt;td&gt;turn the AP (yaw)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift + wheel on an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tilt the AP (downtilt)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the plate&lt;/b&gt;&lt;/td&gt;&lt;td&gt;slide it along its mount wall&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the target&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move the focal point&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / drag empty space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom / pan; double-click fits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo layout edits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6 / Shift+F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;start / pause / cancel the study&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare the winners&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the report as PDF&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;AP ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;verschiebt ihn; die Karte folgt beim Ziehen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Pfeilspitze ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;dreht den AP (Azimut)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Umschalt + Mausrad auf einem AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;neigt den AP (Neigung)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Platte ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;verschiebt sie entlang ihrer Montagewand&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Zielkreuz ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;verschiebt den Brennpunkt&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad / freie Fläche ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoomen / verschieben; Doppelklick passt ein&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Änderungen der Anordnung rückgängig / wiederholen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6 / Shift+F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Studie starten / anhalten / abbrechen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die Besten vergleichen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den Bericht als PDF exportieren&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About Reflector Placement Studio</source>
        <translation>Über Reflector Placement Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reflector Placement Studio %1&lt;/h3&gt;&lt;p&gt;Indoor Wi-Fi planning: where to put access points and a passive reflector plate so that the worst-served part of a floor still gets a good signal.&lt;/p&gt;&lt;p&gt;Deterministic image-method radio maps on Embree; studies on a pool of worker processes.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reflector Placement Studio %1&lt;/h3&gt;&lt;p&gt;WLAN-Planung in Gebäuden: wohin Zugangspunkte und eine passive Reflektorplatte gehören, damit auch der am schlechtesten versorgte Teil einer Etage ein gutes Signal bekommt.&lt;/p&gt;&lt;p&gt;Deterministische Funkkarten nach der Spiegelquellenmethode auf Embree; Studien auf einem Pool von Worker-Prozessen.&lt;/p&gt;&lt;p&gt;Lizenz: MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved study</source>
        <translation>Ungespeicherte Studie</translation>
    </message>
    <message>
        <source>The study set-up has changes that are not saved. Save them first?</source>
        <translation>Die Einstellungen der Studie haben ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Study running</source>
        <translation>Studie läuft</translation>
    </message>
    <message>
        <source>A study is running. Cancel it and quit? Its file keeps every finished task; you can resume it later.</source>
        <translation>Eine Studie läuft. Abbrechen und beenden? Ihre Datei behält jede abgeschlossene Aufgabe; sie lässt sich später fortsetzen.</translation>
    </message>
    <message>
        <source>Cancel the running study before opening another file.</source>
        <translation>Vor dem Öffnen einer anderen Datei die laufende Studie abbrechen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation>Die Datei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>scene warning: %1</source>
        <translation>Szenenwarnung: %1</translation>
    </message>
    <message>
        <source>Opened %1: %2 faces, %3 × %4 cells of %5 m</source>
        <translation>%1 geöffnet: %2 Flächen, %3 × %4 Zellen zu %5 m</translation>
    </message>
    <message>
        <source>Preview (reflection order %1); the full map follows.</source>
        <translation>Vorschau (Reflexionsordnung %1); die volle Karte folgt.</translation>
    </message>
    <message>
        <source>Map on screen %1 ms (median %2 ms), computed in %3 ms, order %4</source>
        <translation>Karte nach %1 ms angezeigt (Median %2 ms), berechnet in %3 ms, Ordnung %4</translation>
    </message>
    <message>
        <source>No best layout yet: run a study or open a result file.</source>
        <translation>Noch keine beste Anordnung: eine Studie ausführen oder eine Ergebnisdatei öffnen.</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Keine Studie</translation>
    </message>
    <message>
        <source>Open a scene or a study first.</source>
        <translation>Zuerst eine Szene oder eine Studie öffnen.</translation>
    </message>
    <message>
        <source>Invalid study</source>
        <translation>Ungültige Studie</translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation>Die Studie kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Resume study</source>
        <translation>Studie fortsetzen</translation>
    </message>
    <message>
        <source>Study result (*.h5)</source>
        <translation>Studienergebnis (*.h5)</translation>
    </message>
    <message>
        <source>Cannot resume the study</source>
        <translation>Die Studie kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Study failed</source>
        <translation>Studie fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pick 2 to 4 finished tasks to compare.</source>
        <translation>2 bis 4 abgeschlossene Aufgaben zum Vergleich auswählen.</translation>
    </message>
    <message>
        <source>Task %1 (%2 %3)</source>
        <translation>Aufgabe %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Nothing is open.</source>
        <translation>Nichts ist geöffnet.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Reflector Placement Studio</source>
        <translation>Reflector Placement Studio</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Scene not found</source>
        <translation>Szene nicht gefunden</translation>
    </message>
    <message>
        <source>%1

The study file&apos;s scene is not where it was when the study ran. Locate the scene file?</source>
        <translation>%1

Die Szene der Studiendatei liegt nicht mehr dort, wo sie beim Lauf der Studie lag. Die Szenendatei suchen?</translation>
    </message>
    <message>
        <source>Scene of %1</source>
        <translation>Szene von %1</translation>
    </message>
    <message>
        <source>Scenes (*.xml);;All files (*)</source>
        <translation>Szenen (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unfinished study</source>
        <translation>Unvollendete Studie</translation>
    </message>
    <message>
        <source>%1 is an unfinished study file. Resume it, or start the study again in a new file?</source>
        <translation>%1 ist eine unvollendete Studiendatei. Fortsetzen oder die Studie in einer neuen Datei neu beginnen?</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Start &amp;New</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>Scene plan</source>
        <translation>Grundriss der Szene</translation>
    </message>
    <message>
        <source>study warning: %1</source>
        <translation>Studienwarnung: %1</translation>
    </message>
    <message>
        <source>%1 is being written by another process: following it live.</source>
        <translation>%1 wird von einem anderen Prozess geschrieben: wird live verfolgt.</translation>
    </message>
</context>
<context>
    <name>rps::MaterialPalette</name>
    <message>
        <source>concrete</source>
        <translation>Beton</translation>
    </message>
    <message>
        <source>brick</source>
        <translation>Ziegel</translation>
    </message>
    <message>
        <source>plasterboard</source>
        <translation>Gipskarton</translation>
    </message>
    <message>
        <source>wood</source>
        <translation>Holz</translation>
    </message>
    <message>
        <source>glass</source>
        <translation>Glas</translation>
    </message>
    <message>
        <source>ceiling board</source>
        <translation>Deckenplatte</translation>
    </message>
    <message>
        <source>chipboard</source>
        <translation>Spanplatte</translation>
    </message>
    <message>
        <source>plywood</source>
        <translation>Sperrholz</translation>
    </message>
    <message>
        <source>marble</source>
        <translation>Marmor</translation>
    </message>
    <message>
        <source>floorboard</source>
        <translation>Dielenboden</translation>
    </message>
    <message>
        <source>metal</source>
        <translation>Metall</translation>
    </message>
    <message>
        <source>very dry ground</source>
        <translation>sehr trockener Boden</translation>
    </message>
    <message>
        <source>medium dry ground</source>
        <translation>mäßig trockener Boden</translation>
    </message>
    <message>
        <source>wet ground</source>
        <translation>nasser Boden</translation>
    </message>
</context>
<context>
    <name>rps::MethodsEditor</name>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>The methods run in this order. Edit the parameters as key=value pairs; parameters left out take their defaults (see each row&apos;s tooltip).</source>
        <translation>Die Verfahren laufen in dieser Reihenfolge. Parameter als Schlüssel=Wert-Paare bearbeiten; weggelassene Parameter nehmen ihre Vorgabewerte an (siehe Tooltip jeder Zeile).</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a method</source>
        <translation>Ein Verfahren hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation>Das ausgewählte Verfahren entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Run the selected method earlier</source>
        <translation>Das ausgewählte Verfahren früher ausführen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Run the selected method later</source>
        <translation>Das ausgewählte Verfahren später ausführen</translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation>Rastersuche</translation>
    </message>
    <message>
        <source>Gradient descent (multi-start)</source>
        <translation>Gradientenverfahren (Mehrfachstart)</translation>
    </message>
    <message>
        <source>Genetic algorithm</source>
        <translation>Genetischer Algorithmus</translation>
    </message>
    <message>
        <source>Particle swarm (PSO)</source>
        <translation>Partikelschwarm (PSO)</translation>
    </message>
    <message>
        <source>CMA-ES</source>
        <translation>CMA-ES</translation>
    </message>
    <message>
        <source>Local refinement (NLopt)</source>
        <translation>Lokale Verfeinerung (NLopt)</translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation>Sukzessives Halbieren</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>&apos;%1&apos; ist nicht Schlüssel=Wert</translation>
    </message>
    <message>
        <source>Defaults: %1</source>
        <translation>Vorgabewerte: %1</translation>
    </message>
    <message>
        <source>method %1: %2</source>
        <translation>Verfahren %1: %2</translation>
    </message>
</context>
<context>
    <name>rps::PlanView</name>
    <message>
        <source>Materials</source>
        <translation>Materialien</translation>
    </message>
    <message>
        <source>x %1 m, y %2 m</source>
        <translation>x %1 m, y %2 m</translation>
    </message>
    <message>
        <source>  |  no signal</source>
        <translation>  |  kein Signal</translation>
    </message>
    <message>
        <source>  |  RSS %1 dBm</source>
        <translation>  |  RSS %1 dBm</translation>
    </message>
    <message>
        <source>  |  outside the measured cells</source>
        <translation>  |  außerhalb der gemessenen Zellen</translation>
    </message>
    <message>
        <source>AP %1 at (%2, %3) m, height %4 m, yaw %5°, downtilt %6°
Drag to move, drag the arrow tip to turn, Shift+wheel to tilt.</source>
        <translation>AP %1 bei (%2, %3) m, Höhe %4 m, Azimut %5°, Neigung %6°
Ziehen verschiebt, Ziehen der Pfeilspitze dreht, Umschalt+Mausrad neigt.</translation>
    </message>
    <message>
        <source>Reflector plate at u = %1, v = %2 on its mount
Drag to slide it along the mount wall.</source>
        <translation>Reflektorplatte bei u = %1, v = %2 auf ihrer Montagefläche
Ziehen verschiebt sie entlang der Montagewand.</translation>
    </message>
    <message>
        <source>Focal point (%1, %2) m: the plate faces so that AP → plate → focal point is a mirror path.
Drag to move it.</source>
        <translation>Brennpunkt (%1, %2) m: die Platte ist so ausgerichtet, dass AP → Platte → Brennpunkt ein Spiegelpfad ist.
Ziehen verschiebt ihn.</translation>
    </message>
    <message>
        <source>Open a scene, a study or a study result (File &gt; Open, Ctrl+O).</source>
        <translation>Eine Szene, eine Studie oder ein Studienergebnis öffnen (Datei &gt; Öffnen, Ctrl+O).</translation>
    </message>
    <message>
        <source>reflector mount wall</source>
        <translation>Montagewand des Reflektors</translation>
    </message>
    <message>
        <source>AP search bounds</source>
        <translation>AP-Suchbereich</translation>
    </message>
    <message>
        <source>excluded from the metrics</source>
        <translation>von den Metriken ausgenommen</translation>
    </message>
    <message>
        <source>access point</source>
        <translation>Zugangspunkt</translation>
    </message>
    <message>
        <source>reflector plate</source>
        <translation>Reflektorplatte</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>Brennpunkt</translation>
    </message>
    <message>
        <source>RSS dBm</source>
        <translation>RSS dBm</translation>
    </message>
    <message>
        <source>Plate not placeable: %1</source>
        <translation>Platte nicht platzierbar: %1</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
</context>
<context>
    <name>rps::RecentFiles</name>
    <message>
        <source>(no recent files)</source>
        <translation>(keine zuletzt geöffneten Dateien)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>rps::ResultsPanel</name>
    <message>
        <source>Filter (method, kind, status, ...)</source>
        <translation>Filter (Verfahren, Art, Status, …)</translation>
    </message>
    <message>
        <source>Show only the rows that contain this text</source>
        <translation>Nur Zeilen zeigen, die diesen Text enthalten</translation>
    </message>
    <message>
        <source>The column the filter looks at</source>
        <translation>Die Spalte, die der Filter durchsucht</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Alle Spalten</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>Auswahl vergleichen</translation>
    </message>
    <message>
        <source>Compare the maps of 2 to %1 selected results side by side</source>
        <translation>Die Karten von 2 bis %1 ausgewählten Ergebnissen nebeneinander vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) shown</source>
        <translation>
            <numerusform>%1 von %n Aufgabe angezeigt</numerusform>
            <numerusform>%1 von %n Aufgaben angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rps::ResultsTableModel</name>
    <message>
        <source>Select the row to show this layout</source>
        <translation>Zeile auswählen, um diese Anordnung zu zeigen</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Start [s]</source>
        <translation>Start [s]</translation>
    </message>
    <message>
        <source>Duration [s]</source>
        <translation>Dauer [s]</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Task id %1</source>
        <translation>Aufgaben-ID %1</translation>
    </message>
</context>
<context>
    <name>rps::RunControlPanel</name>
    <message>
        <source>Finished tasks of the estimated total</source>
        <translation>Abgeschlossene Aufgaben von der geschätzten Gesamtzahl</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Last log line</source>
        <translation>Letzte Protokollzeile</translation>
    </message>
    <message>
        <source>One row per worker process: idle, busy, starting or restarting (after a crash or a hang, its task is retried)</source>
        <translation>Eine Zeile je Worker-Prozess: frei, beschäftigt, startend oder neu gestartet (nach einem Absturz oder Hänger wird seine Aufgabe wiederholt)</translation>
    </message>
    <message>
        <source>All log lines</source>
        <translation>Alle Protokollzeilen</translation>
    </message>
    <message>
        <source>Study only</source>
        <translation>Nur die Studie</translation>
    </message>
    <message>
        <source>No study running.</source>
        <translation>Keine Studie läuft.</translation>
    </message>
    <message>
        <source>Starting workers…</source>
        <translation>Worker werden gestartet…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>Läuft.</translation>
    </message>
    <message>
        <source>Paused: running tasks finish, no new ones start.</source>
        <translation>Angehalten: laufende Aufgaben werden beendet, neue starten nicht.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <source>Cancelled: the study file keeps every finished task; resume it later.</source>
        <translation>Abgebrochen: die Studiendatei behält jede abgeschlossene Aufgabe; später fortsetzen.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Results file: %1</source>
        <translation>Ergebnisdatei: %1</translation>
    </message>
    <message>
        <source>%1 of ~%2 tasks  |  elapsed %3  |  ETA %4</source>
        <translation>%1 von ~%2 Aufgaben  |  vergangen %3  |  verbleibend %4</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>neu gestartet</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source> (restarted %1×)</source>
        <translation> (%1× neu gestartet)</translation>
    </message>
    <message numerus="yes">
        <source>Study file: finished, %n task(s).</source>
        <translation>
            <numerusform>Studiendatei: abgeschlossen, %n Aufgabe.</numerusform>
            <numerusform>Studiendatei: abgeschlossen, %n Aufgaben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Study file: unfinished, %n task(s) done. Start Study resumes it.</source>
        <translation>
            <numerusform>Studiendatei: unvollendet, %n Aufgabe erledigt. „Studie starten“ setzt sie fort.</numerusform>
            <numerusform>Studiendatei: unvollendet, %n Aufgaben erledigt. „Studie starten“ setzt sie fort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s), done</source>
        <translation>
            <numerusform>%n Aufgabe, fertig</numerusform>
            <numerusform>%n Aufgaben, fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) done so far</source>
        <translation>
            <numerusform>bisher %n Aufgabe erledigt</numerusform>
            <numerusform>bisher %n Aufgaben erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of ~%2 tasks  |  elapsed %3</source>
        <translation>%1 von ~%2 Aufgaben  |  vergangen %3</translation>
    </message>
    <message>
        <source>Task id %1</source>
        <translation>Aufgaben-ID %1</translation>
    </message>
    <message>
        <source>Following: another process is writing this study file.</source>
        <translation>Verfolgen: Ein anderer Prozess schreibt diese Studiendatei.</translation>
    </message>
</context>
<context>
    <name>rps::Scene3DView</name>
    <message>
        <source>3D view: left drag turns, right drag pans, wheel zooms</source>
        <translation>3D-Ansicht: Ziehen mit links dreht, mit rechts verschiebt, Mausrad zoomt</translation>
    </message>
</context>
<context>
    <name>rps::StoreFollower</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was replaced by another file</source>
        <translation>%1 wurde durch eine andere Datei ersetzt</translation>
    </message>
    <message>
        <source>The run writing %1 finished it.</source>
        <translation>Der Lauf, der %1 schreibt, hat sie abgeschlossen.</translation>
    </message>
    <message>
        <source>The run writing %1 stopped before the end (%2 task(s) stored); Start Study resumes it.</source>
        <translation>Der Lauf, der %1 schreibt, hat vor dem Ende aufgehört (%2 Aufgabe(n) gespeichert); „Studie starten“ setzt ihn fort.</translation>
    </message>
</context>
<context>
    <name>rps::StudioApp</name>
    <message>
        <source>Reflector Placement Studio: plan access points and reflector plates.</source>
        <translation>Reflector Placement Studio: Zugangspunkte und Reflektorplatten planen.</translation>
    </message>
    <message>
        <source>A scene (.xml), a study (.json) or a study result (.h5).</source>
        <translation>Eine Szene (.xml), eine Studie (.json) oder ein Studienergebnis (.h5).</translation>
    </message>
    <message>
        <source>Start the loaded study.</source>
        <translation>Die geladene Studie starten.</translation>
    </message>
    <message>
        <source>Save the window as FILE when the study finishes (at once without --run).</source>
        <translation>Das Fenster als DATEI speichern, wenn die Studie endet (ohne --run sofort).</translation>
    </message>
    <message>
        <source>Also save the window while the study runs (half of its tasks done).</source>
        <translation>Das Fenster auch während der Studie speichern (nach der Hälfte ihrer Aufgaben).</translation>
    </message>
    <message>
        <source>Exit afterwards.</source>
        <translation>Danach beenden.</translation>
    </message>
    <message>
        <source>User interface language: en, de, fr.</source>
        <translation>Sprache der Oberfläche: en, de, fr.</translation>
    </message>
    <message>
        <source>Give at most one file.
</source>
        <translation>Höchstens eine Datei angeben.
</translation>
    </message>
    <message>
        <source>--run needs a scene, study or result file.
</source>
        <translation>--run braucht eine Szenen-, Studien- oder Ergebnisdatei.
</translation>
    </message>
    <message>
        <source>--lang %1: not one of %2.
</source>
        <translation>--lang %1: nicht eine von %2.
</translation>
    </message>
</context>
<context>
    <name>rps::StudyResults</name>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>P5 SINR</source>
        <translation>P5-SINR</translation>
    </message>
    <message>
        <source>Minimum SINR</source>
        <translation>Minimale SINR</translation>
    </message>
    <message>
        <source>Soft-min SINR</source>
        <translation>Soft-Min-SINR</translation>
    </message>
    <message>
        <source>Mean SINR</source>
        <translation>Mittlere SINR</translation>
    </message>
    <message>
        <source>P5 RSS</source>
        <translation>P5-RSS</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>Minimaler RSS</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>Soft-Min.-RSS</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>Mittlerer RSS</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Versorgung</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <source>Best layout</source>
        <translation>Beste Anordnung</translation>
    </message>
</context>
<context>
    <name>rps::StudyRunController</name>
    <message>
        <source>A study is already running.</source>
        <translation>Es läuft bereits eine Studie.</translation>
    </message>
    <message>
        <source>The rps executable (the workers) was not found next to rps-studio or on PATH; set RPS_EXECUTABLE.</source>
        <translation>Das Programm rps (die Worker) wurde weder neben rps-studio noch im PATH gefunden; RPS_EXECUTABLE setzen.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Study started: %1 worker(s), results in %2</source>
        <translation>Studie gestartet: %1 Worker, Ergebnisse in %2</translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation>%1 wird fortgesetzt</translation>
    </message>
    <message>
        <source>method %1 (%2) started</source>
        <translation>Verfahren %1 (%2) gestartet</translation>
    </message>
    <message>
        <source>Study paused</source>
        <translation>Studie angehalten</translation>
    </message>
    <message>
        <source>Study resumed</source>
        <translation>Studie fortgesetzt</translation>
    </message>
    <message>
        <source>Cancelling the study…</source>
        <translation>Die Studie wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 tasks in %2.</source>
        <translation>%1 Aufgaben in %2.</translation>
    </message>
    <message>
        <source>Study finished; results in %1</source>
        <translation>Studie abgeschlossen; Ergebnisse in %1</translation>
    </message>
    <message>
        <source>Study cancelled</source>
        <translation>Studie abgebrochen</translation>
    </message>
    <message>
        <source>Study failed: %1</source>
        <translation>Studie fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This build runs no MPI jobs (built without RPS_WITH_MPI); run the study on this computer.</source>
        <translation>Dieser Build führt keine MPI-Jobs aus (ohne RPS_WITH_MPI gebaut); führen Sie die Studie auf diesem Computer aus.</translation>
    </message>
    <message>
        <source>The MPI launcher %1 was not found (Debian: openmpi-bin); set it in the study set-up&apos;s Compute group.</source>
        <translation>Der MPI-Starter %1 wurde nicht gefunden (Debian: openmpi-bin); legen Sie ihn in der Gruppe „Rechnen“ der Studieneinrichtung fest.</translation>
    </message>
    <message>
        <source>MPI job: %1</source>
        <translation>MPI-Job: %1</translation>
    </message>
    <message>
        <source>Study started as an MPI job: %1 worker rank(s), results in %2</source>
        <translation>Studie als MPI-Job gestartet: %1 Worker-Rank(s), Ergebnisse in %2</translation>
    </message>
</context>
<context>
    <name>rps::StudySetupPanel</name>
    <message>
        <source>Radio maps the study will evaluate: the sum over its methods with their budgets, plus the final map of the best layout.</source>
        <translation>Funkkarten, die die Studie berechnen wird: die Summe über ihre Verfahren mit deren Budgets plus die abschließende Karte der besten Anordnung.</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Methods and budgets of the original framework&apos;s studies, applied to the current scene and bounds.</source>
        <translation>Verfahren und Budgets der Studien des ursprünglichen Frameworks, angewandt auf die aktuelle Szene und die aktuellen Grenzen.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a study JSON file</source>
        <translation>Eine Studien-JSON-Datei öffnen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the study as JSON</source>
        <translation>Die Studie als JSON speichern</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Name of the study (used for result files and reports)</source>
        <translation>Name der Studie (für Ergebnisdateien und Berichte)</translation>
    </message>
    <message>
        <source>1 AP</source>
        <translation>1 AP</translation>
    </message>
    <message>
        <source>2 APs</source>
        <translation>2 APs</translation>
    </message>
    <message>
        <source>2 APs + reflector</source>
        <translation>2 APs + Reflektor</translation>
    </message>
    <message>
        <source>%1 APs</source>
        <translation>%1 APs</translation>
    </message>
    <message>
        <source>What the study places: access points, and a passive reflector plate</source>
        <translation>Was die Studie platziert: Zugangspunkte und eine passive Reflektorplatte</translation>
    </message>
    <message>
        <source>Every random choice of every method derives from this seed</source>
        <translation>Jede Zufallsentscheidung jedes Verfahrens leitet sich aus diesem Startwert ab</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>P5 RSS (5th percentile)</source>
        <translation>P5-RSS (5. Perzentil)</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>Minimaler RSS</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>Soft-Min.-RSS</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>Mittlerer RSS</translation>
    </message>
    <message>
        <source>Coverage above threshold</source>
        <translation>Versorgung über der Schwelle</translation>
    </message>
    <message>
        <source>The one number every method maximises, over the counted cells</source>
        <translation>Die eine Zahl, die jedes Verfahren über die gezählten Zellen maximiert</translation>
    </message>
    <message>
        <source>Best server</source>
        <translation>Bester Server</translation>
    </message>
    <message>
        <source>Sum of APs</source>
        <translation>Summe der APs</translation>
    </message>
    <message>
        <source>SINR</source>
        <translation>SINR</translation>
    </message>
    <message>
        <source>How the maps of several APs combine into one</source>
        <translation>Wie die Karten mehrerer APs zu einer zusammengefasst werden</translation>
    </message>
    <message>
        <source> dBm</source>
        <translation> dBm</translation>
    </message>
    <message>
        <source>Coverage threshold: a cell is covered at or above this received power</source>
        <translation>Versorgungsschwelle: eine Zelle ist ab dieser Empfangsleistung versorgt</translation>
    </message>
    <message>
        <source>Soft-min temperature (natural-log units)</source>
        <translation>Soft-Min.-Temperatur (Einheiten des natürlichen Logarithmus)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Combining</source>
        <translation>Kombination</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Soft-min τ</source>
        <translation>Soft-Min. τ</translation>
    </message>
    <message>
        <source>AP bounds and constraints</source>
        <translation>AP-Grenzen und Nebenbedingungen</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Lowest AP x</source>
        <translation>Kleinstes AP-x</translation>
    </message>
    <message>
        <source>Highest AP x</source>
        <translation>Größtes AP-x</translation>
    </message>
    <message>
        <source>Lowest AP y</source>
        <translation>Kleinstes AP-y</translation>
    </message>
    <message>
        <source>Highest AP y</source>
        <translation>Größtes AP-y</translation>
    </message>
    <message>
        <source>AP height (fixed)</source>
        <translation>AP-Höhe (fest)</translation>
    </message>
    <message>
        <source>Minimum distance between two APs</source>
        <translation>Mindestabstand zwischen zwei APs</translation>
    </message>
    <message>
        <source>Optimise yaw and downtilt</source>
        <translation>Azimut und Neigung optimieren</translation>
    </message>
    <message>
        <source>Off: every AP keeps the fixed direction below</source>
        <translation>Aus: jeder AP behält die feste Richtung unten</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Fixed yaw (from +x toward +y)</source>
        <translation>Fester Azimut (von +x nach +y)</translation>
    </message>
    <message>
        <source>Fixed downtilt (below the horizon)</source>
        <translation>Feste Neigung (unter den Horizont)</translation>
    </message>
    <message>
        <source>Largest downtilt the optimisers may choose</source>
        <translation>Größte Neigung, die die Optimierer wählen dürfen</translation>
    </message>
    <message>
        <source>x range</source>
        <translation>x-Bereich</translation>
    </message>
    <message>
        <source>y range</source>
        <translation>y-Bereich</translation>
    </message>
    <message>
        <source>AP height</source>
        <translation>AP-Höhe</translation>
    </message>
    <message>
        <source>Min. separation</source>
        <translation>Mindestabstand</translation>
    </message>
    <message>
        <source>Max. downtilt</source>
        <translation>Max. Neigung</translation>
    </message>
    <message>
        <source>Fixed yaw / tilt</source>
        <translation>Fester Azimut / Neigung</translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation>Reflektorplatte</translation>
    </message>
    <message>
        <source>A passive metal plate on a mount wall, facing so that the AP → plate → focal point path is specular</source>
        <translation>Eine passive Metallplatte an einer Montagewand, so ausgerichtet, dass der Pfad AP → Platte → Brennpunkt spiegelnd ist</translation>
    </message>
    <message>
        <source>Mount top-left x</source>
        <translation>Montagefläche oben links x</translation>
    </message>
    <message>
        <source>Mount top-left y</source>
        <translation>Montagefläche oben links y</translation>
    </message>
    <message>
        <source>Mount top z</source>
        <translation>Montagefläche oben z</translation>
    </message>
    <message>
        <source>Mount bottom-right x</source>
        <translation>Montagefläche unten rechts x</translation>
    </message>
    <message>
        <source>Mount bottom-right y</source>
        <translation>Montagefläche unten rechts y</translation>
    </message>
    <message>
        <source>Mount bottom z</source>
        <translation>Montagefläche unten z</translation>
    </message>
    <message>
        <source>Mount wall normal x (into the room)</source>
        <translation>Normale der Montagewand x (in den Raum)</translation>
    </message>
    <message>
        <source>Mount wall normal y (into the room)</source>
        <translation>Normale der Montagewand y (in den Raum)</translation>
    </message>
    <message>
        <source>Plate width</source>
        <translation>Plattenbreite</translation>
    </message>
    <message>
        <source>Plate height</source>
        <translation>Plattenhöhe</translation>
    </message>
    <message>
        <source>Height of the focal point</source>
        <translation>Höhe des Brennpunkts</translation>
    </message>
    <message>
        <source>The AP whose mirror path through the plate reaches the focal point</source>
        <translation>Der AP, dessen Spiegelpfad über die Platte den Brennpunkt erreicht</translation>
    </message>
    <message>
        <source>Mount from (x, y, z)</source>
        <translation>Montagefläche von (x, y, z)</translation>
    </message>
    <message>
        <source>Mount to (x, y, z)</source>
        <translation>Montagefläche bis (x, y, z)</translation>
    </message>
    <message>
        <source>Wall normal</source>
        <translation>Wandnormale</translation>
    </message>
    <message>
        <source>Plate size</source>
        <translation>Plattengröße</translation>
    </message>
    <message>
        <source>Focal height</source>
        <translation>Brennpunkthöhe</translation>
    </message>
    <message>
        <source>Oriented to AP</source>
        <translation>Ausgerichtet auf AP</translation>
    </message>
    <message>
        <source>Radio and grid</source>
        <translation>Funk und Raster</translation>
    </message>
    <message>
        <source> GHz</source>
        <translation> GHz</translation>
    </message>
    <message>
        <source>Carrier frequency</source>
        <translation>Trägerfrequenz</translation>
    </message>
    <message>
        <source>Transmit power per AP</source>
        <translation>Sendeleistung je AP</translation>
    </message>
    <message>
        <source>Isotropic</source>
        <translation>Isotrop</translation>
    </message>
    <message>
        <source>Short dipole</source>
        <translation>Kurzer Dipol</translation>
    </message>
    <message>
        <source>3GPP TR 38.901 element</source>
        <translation>3GPP-TR-38.901-Element</translation>
    </message>
    <message>
        <source>AP 2×1 array (V+H)</source>
        <translation>AP-2×1-Gruppe (V+H)</translation>
    </message>
    <message>
        <source>Specular reflections per path</source>
        <translation>Spiegelnde Reflexionen je Pfad</translation>
    </message>
    <message>
        <source>Measurement grid cell size</source>
        <translation>Zellgröße des Messrasters</translation>
    </message>
    <message>
        <source>Height of the receiver plane</source>
        <translation>Höhe der Empfängerebene</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Antenna</source>
        <translation>Antenne</translation>
    </message>
    <message>
        <source>Reflection order</source>
        <translation>Reflexionsordnung</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Zellgröße</translation>
    </message>
    <message>
        <source>Receiver height</source>
        <translation>Empfängerhöhe</translation>
    </message>
    <message>
        <source>Methods and budgets</source>
        <translation>Verfahren und Budgets</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <source>Worker processes (`rps worker`) that evaluate tasks in parallel</source>
        <translation>Worker-Prozesse (`rps worker`), die Aufgaben parallel berechnen</translation>
    </message>
    <message>
        <source>Share of one GPU given to each worker (the original framework ran 4 workers at 0.25)</source>
        <translation>Anteil einer GPU je Worker (das ursprüngliche Framework lief mit 4 Workern zu je 0,25)</translation>
    </message>
    <message>
        <source>A GPU backend is built; workers share the GPUs by fraction.</source>
        <translation>Ein GPU-Backend ist eingebaut; die Worker teilen sich die GPUs anteilig.</translation>
    </message>
    <message>
        <source>No GPU backend built: workers compute on the CPU (%1 cores); the GPU fraction is recorded with the study.</source>
        <translation>Kein GPU-Backend eingebaut: die Worker rechnen auf der CPU (%1 Kerne); der GPU-Anteil wird mit der Studie gespeichert.</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>GPU per worker</source>
        <translation>GPU je Worker</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1 radio maps over %2 method(s), %3 worker(s).</source>
        <translation>&lt;b&gt;Schätzung:&lt;/b&gt; %1 Funkkarten über %2 Verfahren, %3 Worker.</translation>
    </message>
    <message>
        <source>Gradient descent, 80 starts × 30 iterations</source>
        <translation>Gradientenverfahren, 80 Starts × 30 Iterationen</translation>
    </message>
    <message>
        <source>Genetic algorithm, population 100 × 20 generations</source>
        <translation>Genetischer Algorithmus, Population 100 × 20 Generationen</translation>
    </message>
    <message>
        <source>Grid search, 1 m resolution</source>
        <translation>Rastersuche, Auflösung 1 m</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>Studie öffnen</translation>
    </message>
    <message>
        <source>Study (*.json);;All files (*)</source>
        <translation>Studie (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Save study</source>
        <translation>Studie speichern</translation>
    </message>
    <message>
        <source>Study (*.json)</source>
        <translation>Studie (*.json)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>MPI job (mpirun)</source>
        <translation>MPI-Job (mpirun)</translation>
    </message>
    <message>
        <source>This computer: the workers are processes here. MPI job: mpirun starts rank 0, which runs the study and writes its file, and one rank per worker on the hosts its options name; the studio follows the job live. Rank 0 may run on any of those hosts: the study folder must be one they all see. Remembered for every study.</source>
        <translation>Dieser Computer: Die Worker sind Prozesse auf diesem Rechner. MPI-Job: mpirun startet Rank 0, der die Studie ausführt und ihre Datei schreibt, und einen Rank pro Worker auf den Hosts, die seine Optionen nennen; das Studio verfolgt den Job live. Rank 0 kann auf jedem dieser Hosts laufen: Der Studienordner muss für alle sichtbar sein. Gilt für jede Studie.</translation>
    </message>
    <message>
        <source>This build has no MPI support (RPS_WITH_MPI).</source>
        <translation>Dieser Build hat keine MPI-Unterstützung (RPS_WITH_MPI).</translation>
    </message>
    <message>
        <source>The MPI launcher (a name on PATH or a path)</source>
        <translation>Der MPI-Starter (ein Name im PATH oder ein Pfad)</translation>
    </message>
    <message>
        <source>Options given to the launcher before -n N+1 (hosts, network); N is the number of workers above, one rank each, and rank 0 runs the study</source>
        <translation>Optionen für den Starter vor -n N+1 (Hosts, Netzwerk); N ist die Anzahl der Worker oben, je ein Rank, und Rank 0 führt die Studie aus</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>MPI launcher</source>
        <translation>MPI-Starter</translation>
    </message>
    <message>
        <source>MPI options</source>
        <translation>MPI-Optionen</translation>
    </message>
</context>
</TS>
