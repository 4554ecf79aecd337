<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BestConfigExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the scene %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &lt;/scene&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutCommand</name>
    <message>
        <source>Move AP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate AP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move reflector plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>No study set-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yaw [°]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downtilt [°]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector plate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>u</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount point x, y [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal point x, y, z [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter vector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics of the best map:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P5 [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid / counted cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics of the best layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Std [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy [s]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy share [%]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool efficiency (busy / (workers × wall)): %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task time, total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task time, mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task time, median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task time, max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by Reflector Placement Studio on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best objective: %1 = %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scene picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Study set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Best layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No map of the best layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers and time per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7. Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scene (XML), a study (JSON) or a study result (HDF5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the study set-up as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Study &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the study set-up as JSON under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the study report (set-up, best layout, maps, plots, statistics) as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the study report as one self-contained HTML file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best Layout as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the layout on the plan (APs, plate) with its metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene with Layout as &amp;XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the scene with the reflector plate added (APs as comments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;Image (PNG/SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plan view with its heatmap as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the whole window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Reflector Placement Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last layout edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the layout edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;set Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the APs and the plate back to their starting places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole scene into the plan view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom into the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescale &amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the colour scale to the map on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;mooth Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolate the heatmap between cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the materials and symbols legend on the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;Best Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While a study runs, show its best layout so far on the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset 3D &amp;Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the whole scene again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the study on the worker pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or continue dispatching tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the study; finished tasks stay in its file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume from File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue an interrupted study from its HDF5 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Winners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the best results: maps, difference, CDF, metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Best Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the best layout found so far on the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard and Mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to work the plan view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Reflector Placement Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::CompareDialog</name>
    <message>
        <source>Compare results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick 2 to %1 results to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells at or below [%]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P5 [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No map of this result for the current grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 results can be compared at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick at least %1 results to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n result(s) on one colour scale.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference: %1 − %2 [dB]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ [dB]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::LivePlotsPanel</name>
    <message>
        <source>Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received power of the best layout so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution of the objective over finished tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explored AP, plate and focal positions by objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-worker timeline and time per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best objective vs finished tasks and vs time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best layout so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y [m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS [dBm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time [s]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task (in order of completion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per task [s]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best vs tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best vs time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best layout so far: %1 = %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best %1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector Placement Studio plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::MainWindow</name>
    <message>
        <source>P5 RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study Set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when the studio starts next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective of the layout on the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the edit to the new map on screen, and the time the map itself took (median over the last edits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Open a scene, a study or a result file (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenes, studies and results (*.xml *.json *.h5);;Scene (*.xml);;Study (*.json);;Study result (*.h5);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export best layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export scene with layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene XML (*.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plan image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move it; the map follows while you drag&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an arrow tip&lt;/b&gt;&lt;/td&gt;&lt;td&gt;turn the AP (yaw)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift + wheel on an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tilt the AP (downtilt)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the plate&lt;/b&gt;&lt;/td&gt;&lt;td&gt;slide it along its mount wall&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the target&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move the focal point&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / drag empty space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom / pan; double-click fits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo layout edits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6 / Shift+F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;start / pause / cancel the study&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare the winners&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the report as PDF&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Reflector Placement Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reflector Placement Studio %1&lt;/h3&gt;&lt;p&gt;Indoor Wi-Fi planning: where to put access points and a passive reflector plate so that the worst-served part of a floor still gets a good signal.&lt;/p&gt;&lt;p&gt;Deterministic image-method radio maps on Embree; studies on a pool of worker processes.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A study is running. Cancel it and quit? Its file keeps every finished task; you can resume it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running study before opening another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scene warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2 faces, %3 × %4 cells of %5 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage %1 % of %2 cells at ≥ %3 dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (reflection order %1); the full map follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map on screen %1 ms (median %2 ms), computed in %3 ms, order %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No best layout yet: run a study or open a result file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scene or a study first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study result (*.h5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick 2 to 4 finished tasks to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 (%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector Placement Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::MethodsEditor</name>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methods run in this order. Edit the parameters as key=value pairs; parameters left out take their defaults (see each row&apos;s tooltip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected method earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected method later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent (multi-start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genetic algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle swarm (PSO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMA-ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local refinement (NLopt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::PlanView</name>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x %1 m, y %2 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  |  no signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  |  RSS %1 dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  |  outside the measured cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP %1 at (%2, %3) m, height %4 m, yaw %5°, downtilt %6°
Drag to move, drag the arrow tip to turn, Shift+wheel to tilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector plate at u = %1, v = %2 on its mount
Drag to slide it along the mount wall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal point (%1, %2) m: the plate faces so that AP → plate → focal point is a mirror path.
Drag to move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scene, a study or a study result (File &gt; Open, Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reflector mount wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP search bounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reflector plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate not placeable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::RecentFiles</name>
    <message>
        <source>(no recent files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::ResultsPanel</name>
    <message>
        <source>Filter (method, kind, status, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the rows that contain this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column the filter looks at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the maps of 2 to %1 selected results side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rps::ResultsTableModel</name>
    <message>
        <source>Select the row to show this layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start [s]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration [s]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::RunControlPanel</name>
    <message>
        <source>Finished tasks of the estimated total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last log line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per worker process: idle, busy, starting or restarting (after a crash or a hang, its task is retried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting workers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: running tasks finish, no new ones start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the study file keeps every finished task; resume it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of ~%2 tasks  |  elapsed %3  |  ETA %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (restarted %1×)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::Scene3DView</name>
    <message>
        <source>3D view: left drag turns, right drag pans, wheel zooms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::StudioApp</name>
    <message>
        <source>Reflector Placement Studio: plan access points and reflector plates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scene (.xml), a study (.json) or a study result (.h5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the loaded study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as FILE when the study finishes (at once without --run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save the window while the study runs (half of its tasks done).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: en, de, fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one file.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run needs a scene, study or result file.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::StudyResults</name>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P5 RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::StudyRunController</name>
    <message>
        <source>A study is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rps executable (the workers) was not found next to rps-studio or on PATH; set RPS_EXECUTABLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study started: %1 worker(s), results in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rps executable (the workers) was not found; set RPS_EXECUTABLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method %1 (%2) started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study finished; results in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rps::StudySetupPanel</name>
    <message>
        <source>Radio maps the study will evaluate: the sum over its methods with their budgets, plus the final map of the best layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods and budgets of the original framework&apos;s studies, applied to the current scene and bounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the study as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the study (used for result files and reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 APs + reflector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the study places: access points, and a passive reflector plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every random choice of every method derives from this seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P5 RSS (5th percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage above threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one number every method maximises, over the counted cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the maps of several APs combine into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage threshold: a cell is covered at or above this received power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min temperature (natural-log units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft-min τ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP bounds and constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest AP x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest AP x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest AP y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest AP y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP height (fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum distance between two APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise yaw and downtilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: every AP keeps the fixed direction below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed yaw (from +x toward +y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed downtilt (below the horizon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest downtilt the optimisers may choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. separation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. downtilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed yaw / tilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passive metal plate on a mount wall, facing so that the AP → plate → focal point path is specular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount top-left x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount top-left y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount top z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount bottom-right x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount bottom-right y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount bottom z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount wall normal x (into the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount wall normal y (into the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of the focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AP whose mirror path through the plate reaches the focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount from (x, y, z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount to (x, y, z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oriented to AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radio and grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmit power per AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isotropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short dipole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3GPP TR 38.901 element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP 2×1 array (V+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specular reflections per path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement grid cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of the receiver plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antenna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods and budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker processes (`rps worker`) that evaluate tasks in parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of one GPU given to each worker (the original framework ran 4 workers at 0.25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GPU backend is built; workers share the GPUs by fraction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPU backend built: workers compute on the CPU (%1 cores); the GPU fraction is recorded with the study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1 radio maps over %2 method(s), %3 worker(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent, 80 starts × 30 iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genetic algorithm, population 100 × 20 generations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid search, 1 m resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
