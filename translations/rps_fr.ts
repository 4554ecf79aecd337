<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ExportFile</name>
    <message>
        <source>Cannot draw %1</source>
        <translation>Impossible de dessiner %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write %1: no image format has the suffix &apos;%2&apos;</source>
        <translation>Impossible d&apos;écrire %1 : aucun format d&apos;image n&apos;a le suffixe « %2 »</translation>
    </message>
</context>
<context>
    <name>LayoutCommand</name>
    <message>
        <source>Move AP %1</source>
        <translation>Déplacer le PA %1</translation>
    </message>
    <message>
        <source>Rotate AP %1</source>
        <translation>Tourner le PA %1</translation>
    </message>
    <message>
        <source>Move reflector plate</source>
        <translation>Déplacer la plaque réflectrice</translation>
    </message>
    <message>
        <source>Move focal point</source>
        <translation>Déplacer le point focal</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>Appliquer la disposition</translation>
    </message>
    <message>
        <source>Tilt AP %1</source>
        <translation>Incliner le PA %1</translation>
    </message>
</context>
<context>
    <name>MapInfoLines</name>
    <message>
        <source>P5 RSS</source>
        <translation>RSS P5</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>RSS minimal</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>RSS soft-min</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>RSS moyen</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>No map: %1</source>
        <translation>Pas de carte : %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>dBm</source>
        <translation>dBm</translation>
    </message>
    <message>
        <source>P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm</source>
        <translation>P5 %1 dBm  |  moyenne %2 dBm  |  min. %3 dBm</translation>
    </message>
    <message>
        <source>coverage %1 % of %2 cells at ≥ %3 dBm</source>
        <translation>couverture %1 % de %2 cellules à ≥ %3 dBm</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>No study set-up.</source>
        <translation>Aucune configuration d&apos;étude.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>Seuil de couverture</translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>%1 GHz</source>
        <translation>%1 GHz</translation>
    </message>
    <message>
        <source>AP power</source>
        <translation>Puissance du PA</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Méthodes</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>The study document:</source>
        <translation>Le document de l&apos;étude :</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation>Pas encore de résultat.</translation>
    </message>
    <message>
        <source>Best %1: %2 %3</source>
        <translation>Meilleur %1 : %2 %3</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>PA</translation>
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
        <translation>Inclinaison [°]</translation>
    </message>
    <message>
        <source>Reflector plate:</source>
        <translation>Plaque réflectrice :</translation>
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
        <translation>Point de fixation x, y [m]</translation>
    </message>
    <message>
        <source>Focal point x, y, z [m]</source>
        <translation>Point focal x, y, z [m]</translation>
    </message>
    <message>
        <source>Parameter vector:</source>
        <translation>Vecteur de paramètres :</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Metrics of the best map:</source>
        <translation>Indicateurs de la meilleure carte :</translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation>Couverture [%]</translation>
    </message>
    <message>
        <source>Valid / counted cells</source>
        <translation>Cellules valides / comptées</translation>
    </message>
    <message>
        <source>Metrics of the best layout:</source>
        <translation>Indicateurs de la meilleure disposition :</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Mean [%1]</source>
        <translation>Moyenne [%1]</translation>
    </message>
    <message>
        <source>Std [%1]</source>
        <translation>Écart-type [%1]</translation>
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
        <translation>Toutes</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>No finished task.</source>
        <translation>Aucune tâche terminée.</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Workers :</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Busy [s]</source>
        <translation>Occupé [s]</translation>
    </message>
    <message>
        <source>Busy share [%]</source>
        <translation>Taux d&apos;occupation [%]</translation>
    </message>
    <message>
        <source>Pool efficiency (busy / (workers × wall)): %1 %</source>
        <translation>Efficacité du pool (occupé / (workers × durée)) : %1 %</translation>
    </message>
    <message>
        <source>Study summary:</source>
        <translation>Résumé de l&apos;étude :</translation>
    </message>
    <message>
        <source>No timing yet.</source>
        <translation>Pas encore de mesure de temps.</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Durée réelle</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Task time, total</source>
        <translation>Temps des tâches, total</translation>
    </message>
    <message>
        <source>Task time, mean</source>
        <translation>Temps des tâches, moyenne</translation>
    </message>
    <message>
        <source>Task time, median</source>
        <translation>Temps des tâches, médiane</translation>
    </message>
    <message>
        <source>Task time, max</source>
        <translation>Temps des tâches, maximum</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>%1 tasks/s</source>
        <translation>%1 tâches/s</translation>
    </message>
    <message>
        <source>study</source>
        <translation>étude</translation>
    </message>
    <message>
        <source>Study report: %1</source>
        <translation>Rapport d&apos;étude : %1</translation>
    </message>
    <message>
        <source>Generated by Reflector Placement Studio on %1.</source>
        <translation>Généré par Reflector Placement Studio le %1.</translation>
    </message>
    <message>
        <source>Best objective: %1 = %2 %3</source>
        <translation>Meilleur objectif : %1 = %2 %3</translation>
    </message>
    <message>
        <source>1. Scene</source>
        <translation>1. Scène</translation>
    </message>
    <message>
        <source>No scene picture.</source>
        <translation>Pas d&apos;image de la scène.</translation>
    </message>
    <message>
        <source>2. Study set-up</source>
        <translation>2. Configuration de l&apos;étude</translation>
    </message>
    <message>
        <source>3. Best layout</source>
        <translation>3. Meilleure disposition</translation>
    </message>
    <message>
        <source>4. Maps</source>
        <translation>4. Cartes</translation>
    </message>
    <message>
        <source>No map of the best layout.</source>
        <translation>Pas de carte de la meilleure disposition.</translation>
    </message>
    <message>
        <source>5. Plots</source>
        <translation>5. Graphiques</translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation>Objectif des tâches terminées</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation>Positions explorées</translation>
    </message>
    <message>
        <source>Workers and time per task</source>
        <translation>Workers et temps par tâche</translation>
    </message>
    <message>
        <source>6. Statistics</source>
        <translation>6. Statistiques</translation>
    </message>
    <message>
        <source>7. Timing</source>
        <translation>7. Temps</translation>
    </message>
    <message>
        <source>Study report</source>
        <translation>Rapport d&apos;étude</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>P5 [%1]</source>
        <translation>P5 [%1]</translation>
    </message>
    <message>
        <source>Soft-min [%1]</source>
        <translation>Soft-min [%1]</translation>
    </message>
</context>
<context>
    <name>StoredStudyReport</name>
    <message>
        <source>%1: no extension; name the report FILE.html or FILE.pdf</source>
        <translation>%1 : pas d&apos;extension ; nommez le rapport FICHIER.html ou FICHIER.pdf</translation>
    </message>
    <message>
        <source>%1: unknown report format &apos;.%2&apos; (use .html or .pdf)</source>
        <translation>%1 : format de rapport inconnu &apos;.%2&apos; (utilisez .html ou .pdf)</translation>
    </message>
    <message>
        <source>%1: cannot write the report: folder %2 does not exist</source>
        <translation>%1 : impossible d&apos;écrire le rapport : le dossier %2 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1: not a study file (.h5) written by rps run</source>
        <translation>%1 : pas un fichier d&apos;étude (.h5) écrit par rps run</translation>
    </message>
    <message>
        <source>%1: no study file is open</source>
        <translation>%1 : aucun fichier d&apos;étude n&apos;est ouvert</translation>
    </message>
    <message>
        <source>%1: scene file not found (--scene)</source>
        <translation>%1 : fichier de scène introuvable (--scene)</translation>
    </message>
</context>
<context>
    <name>StudioActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open a scene (XML), a study (JSON) or a study result (HDF5)</source>
        <translation>Ouvrir une scène (XML), une étude (JSON) ou un résultat d&apos;étude (HDF5)</translation>
    </message>
    <message>
        <source>&amp;Save Study</source>
        <translation>&amp;Enregistrer l&apos;étude</translation>
    </message>
    <message>
        <source>Save the study set-up as JSON</source>
        <translation>Enregistrer la configuration de l&apos;étude en JSON</translation>
    </message>
    <message>
        <source>Save Study &amp;As…</source>
        <translation>Enregistrer l&apos;étude &amp;sous…</translation>
    </message>
    <message>
        <source>Save the study set-up as JSON under a new name</source>
        <translation>Enregistrer la configuration de l&apos;étude en JSON sous un nouveau nom</translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation>Rapport en &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the study report (set-up, best layout, maps, plots, statistics) as PDF</source>
        <translation>Exporter le rapport d&apos;étude (configuration, meilleure disposition, cartes, graphiques, statistiques) en PDF</translation>
    </message>
    <message>
        <source>Report as &amp;HTML…</source>
        <translation>Rapport en &amp;HTML…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export the study report as one self-contained HTML file</source>
        <translation>Exporter le rapport d&apos;étude en un seul fichier HTML autonome</translation>
    </message>
    <message>
        <source>Best &amp;Configuration…</source>
        <translation>Meilleure &amp;configuration…</translation>
    </message>
    <message>
        <source>Plan &amp;Image (PNG/SVG)…</source>
        <translation>&amp;Image du plan (PNG/SVG)…</translation>
    </message>
    <message>
        <source>Export the plan view with its heatmap as PNG or SVG</source>
        <translation>Exporter la vue en plan avec sa carte de chaleur en PNG ou SVG</translation>
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation>Enregistrer une &amp;capture d&apos;écran…</translation>
    </message>
    <message>
        <source>F12</source>
        <translation>F12</translation>
    </message>
    <message>
        <source>Save a picture of the whole window</source>
        <translation>Enregistrer une image de toute la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit Reflector Placement Studio</source>
        <translation>Quitter Reflector Placement Studio</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the last layout edit</source>
        <translation>Annuler la dernière modification de la disposition</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Redo the layout edit</source>
        <translation>Rétablir la modification de la disposition</translation>
    </message>
    <message>
        <source>Re&amp;set Layout</source>
        <translation>Ré&amp;initialiser la disposition</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Put the APs and the plate back to their starting places</source>
        <translation>Remettre les PA et la plaque à leur position de départ</translation>
    </message>
    <message>
        <source>&amp;Fit Plan</source>
        <translation>&amp;Ajuster le plan</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Fit the whole scene into the plan view</source>
        <translation>Afficher toute la scène dans la vue en plan</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom into the plan</source>
        <translation>Zoomer sur le plan</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom out of the plan</source>
        <translation>Dézoomer le plan</translation>
    </message>
    <message>
        <source>Rescale &amp;Colours</source>
        <translation>Réajuster les &amp;couleurs</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Fit the colour scale to the map on screen</source>
        <translation>Ajuster l&apos;échelle de couleurs à la carte affichée</translation>
    </message>
    <message>
        <source>S&amp;mooth Heatmap</source>
        <translation>Carte de chaleur &amp;lissée</translation>
    </message>
    <message>
        <source>Interpolate the heatmap between cells</source>
        <translation>Interpoler la carte de chaleur entre les cellules</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>Afficher la &amp;légende</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Show the materials and symbols legend on the plan</source>
        <translation>Afficher la légende des matériaux et des symboles sur le plan</translation>
    </message>
    <message>
        <source>Follow &amp;Best Layout</source>
        <translation>Suivre la &amp;meilleure disposition</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>While a study runs, show its best layout so far on the plan</source>
        <translation>Pendant une étude, afficher sur le plan sa meilleure disposition jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Reset 3D &amp;Camera</source>
        <translation>Réinitialiser la &amp;caméra 3D</translation>
    </message>
    <message>
        <source>Look at the whole scene again</source>
        <translation>Revoir toute la scène</translation>
    </message>
    <message>
        <source>&amp;Start Study</source>
        <translation>&amp;Lancer l&apos;étude</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Run the study on the worker pool</source>
        <translation>Exécuter l&apos;étude sur le pool de workers</translation>
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
        <translation>Suspendre ou reprendre la distribution des tâches</translation>
    </message>
    <message>
        <source>&amp;Cancel Study</source>
        <translation>Inte&amp;rrompre l&apos;étude</translation>
    </message>
    <message>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <source>Stop the study; finished tasks stay in its file</source>
        <translation>Arrêter l&apos;étude ; les tâches terminées restent dans son fichier</translation>
    </message>
    <message>
        <source>&amp;Resume from File…</source>
        <translation>&amp;Reprendre depuis un fichier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Continue an interrupted study from its HDF5 file</source>
        <translation>Reprendre une étude interrompue depuis son fichier HDF5</translation>
    </message>
    <message>
        <source>Compare &amp;Winners…</source>
        <translation>&amp;Comparer les meilleurs…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Compare the best results: maps, difference, CDF, metrics</source>
        <translation>Comparer les meilleurs résultats : cartes, différence, fonction de répartition, indicateurs</translation>
    </message>
    <message>
        <source>Show &amp;Best Layout</source>
        <translation>Afficher la &amp;meilleure disposition</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Put the best layout found so far on the plan</source>
        <translation>Placer sur le plan la meilleure disposition trouvée jusqu&apos;ici</translation>
    </message>
    <message>
        <source>&amp;Keyboard and Mouse</source>
        <translation>&amp;Clavier et souris</translation>
    </message>
    <message>
        <source>How to work the plan view</source>
        <translation>Utilisation de la vue en plan</translation>
    </message>
    <message>
        <source>&amp;About Reflector Placement Studio</source>
        <translation>&amp;À propos de Reflector Placement Studio</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version et licence</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation>La version de Qt utilisée</translation>
    </message>
    <message>
        <source>Fast Drag &amp;Preview</source>
        <translation>&amp;Aperçu rapide au glisser</translation>
    </message>
    <message>
        <source>While dragging, show first-order maps when full maps take longer than the drag budget; the full map follows when the drag rests</source>
        <translation>Pendant le glisser, afficher des cartes d&apos;ordre 1 quand les cartes complètes dépassent le budget de temps ; la carte complète suit dès que le glisser s&apos;arrête</translation>
    </message>
    <message>
        <source>Export the best layout found (or the one on the plan before any result) into a folder as rps export --best does: best_layout.json, and best_scene.xml with the APs as parameters and the reflector plate as a metal mesh</source>
        <translation>Exporter la meilleure disposition trouvée (ou celle du plan avant tout résultat) dans un dossier comme rps export --best : best_layout.json, et best_scene.xml avec les PA en paramètres et la plaque réflectrice en maillage métallique</translation>
    </message>
    <message>
        <source>Current P&amp;lot (PNG/SVG)…</source>
        <translation>&amp;Graphique courant (PNG/SVG)…</translation>
    </message>
    <message>
        <source>Export the live plot on the visible tab as PNG or SVG</source>
        <translation>Exporter le graphique en direct de l&apos;onglet visible en PNG ou SVG</translation>
    </message>
    <message>
        <source>Reset &amp;Window Layout</source>
        <translation>Réinitialiser la disposition de la &amp;fenêtre</translation>
    </message>
    <message>
        <source>Put the panels back where they were at the first start and fit the window to the screen</source>
        <translation>Remettre les panneaux comme au premier démarrage et ajuster la fenêtre à l&apos;écran</translation>
    </message>
</context>
<context>
    <name>rps::CompareDialog</name>
    <message>
        <source>Compare results</source>
        <translation>Comparer les résultats</translation>
    </message>
    <message>
        <source>Tick 2 to %1 results to compare</source>
        <translation>Cocher de 2 à %1 résultats à comparer</translation>
    </message>
    <message>
        <source>RSS [dBm]</source>
        <translation>RSS [dBm]</translation>
    </message>
    <message>
        <source>Cells at or below [%]</source>
        <translation>Cellules inférieures ou égales [%]</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Coverage [%]</source>
        <translation>Couverture [%]</translation>
    </message>
    <message>
        <source>Valid cells</source>
        <translation>Cellules valides</translation>
    </message>
    <message>
        <source>No map of this result for the current grid</source>
        <translation>Pas de carte de ce résultat pour la grille actuelle</translation>
    </message>
    <message>
        <source>At most %1 results can be compared at once.</source>
        <translation>Au plus %1 résultats peuvent être comparés à la fois.</translation>
    </message>
    <message>
        <source>Pick at least %1 results to compare.</source>
        <translation>Choisir au moins %1 résultats à comparer.</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n result(s) on one colour scale.</source>
        <translation>
            <numerusform>Comparaison de %n résultat sur une seule échelle de couleurs.</numerusform>
            <numerusform>Comparaison de %n résultats sur une seule échelle de couleurs.</numerusform>
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
        <translation>Différence : %1 − %2 [dB]</translation>
    </message>
    <message>
        <source>Δ [dB]</source>
        <translation>Δ [dB]</translation>
    </message>
    <message>
        <source>Export Picture…</source>
        <translation>Exporter l&apos;image…</translation>
    </message>
    <message>
        <source>Save the maps, the difference and the CDF as one picture</source>
        <translation>Enregistrer les cartes, la différence et la fonction de répartition en une image</translation>
    </message>
    <message>
        <source>Export comparison picture</source>
        <translation>Exporter l&apos;image de comparaison</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>Image PNG (*.png);;Image JPEG (*.jpg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
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
        <translation>Soft-min [%1]</translation>
    </message>
    <message>
        <source>Mean [%1]</source>
        <translation>Moyenne [%1]</translation>
    </message>
</context>
<context>
    <name>rps::LivePlotsPanel</name>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Received power of the best layout so far</source>
        <translation>Puissance reçue de la meilleure disposition jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histogramme</translation>
    </message>
    <message>
        <source>Distribution of the objective over finished tasks</source>
        <translation>Distribution de l&apos;objectif sur les tâches terminées</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Explored AP, plate and focal positions by objective</source>
        <translation>Positions explorées des PA, de la plaque et du point focal selon l&apos;objectif</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Per-worker timeline and time per task</source>
        <translation>Chronologie par worker et temps par tâche</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Best objective vs finished tasks and vs time</source>
        <translation>Meilleur objectif selon les tâches terminées et selon le temps</translation>
    </message>
    <message>
        <source>Best layout so far</source>
        <translation>Meilleure disposition jusqu&apos;ici</translation>
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
        <translation>PA</translation>
    </message>
    <message>
        <source>Reflector</source>
        <translation>Réflecteur</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Point focal</translation>
    </message>
    <message>
        <source>Objective over finished tasks</source>
        <translation>Objectif des tâches terminées</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Explored positions</source>
        <translation>Positions explorées</translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation>Plaque réflectrice</translation>
    </message>
    <message>
        <source>Time [s]</source>
        <translation>Temps [s]</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Task (in order of completion)</source>
        <translation>Tâche (dans l&apos;ordre d&apos;achèvement)</translation>
    </message>
    <message>
        <source>Time per task [s]</source>
        <translation>Temps par tâche [s]</translation>
    </message>
    <message>
        <source>Finished tasks</source>
        <translation>Tâches terminées</translation>
    </message>
    <message>
        <source>Best vs tasks</source>
        <translation>Meilleur selon les tâches</translation>
    </message>
    <message>
        <source>Best vs time</source>
        <translation>Meilleur selon le temps</translation>
    </message>
    <message>
        <source>Best layout so far: %1 = %2 %3</source>
        <translation>Meilleure disposition jusqu&apos;ici : %1 = %2 %3</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>best %1 %2</source>
        <translation>meilleur %1 %2</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>worker %1</translation>
    </message>
    <message>
        <source>Best %1 [%2]</source>
        <translation>Meilleur %1 [%2]</translation>
    </message>
    <message>
        <source>Reflector Placement Studio plot</source>
        <translation>Graphique de Reflector Placement Studio</translation>
    </message>
    <message>
        <source>No plot named &apos;%1&apos;</source>
        <translation>Aucun graphique nommé « %1 »</translation>
    </message>
    <message>
        <source>Cannot write %1: export a plot as PNG, JPG, PDF or SVG</source>
        <translation>Impossible d&apos;écrire %1 : un graphique s&apos;exporte en PNG, JPG, PDF ou SVG</translation>
    </message>
</context>
<context>
    <name>rps::MainWindow</name>
    <message>
        <source>Study Set-up</source>
        <translation>Configuration de l&apos;étude</translation>
    </message>
    <message>
        <source>Run Control</source>
        <translation>Pilotage de l&apos;exécution</translation>
    </message>
    <message>
        <source>Live Plots</source>
        <translation>Graphiques en direct</translation>
    </message>
    <message>
        <source>3D View</source>
        <translation>Vue 3D</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes when the studio starts next time.</source>
        <translation>La langue changera au prochain démarrage du studio.</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>É&amp;tude</translation>
    </message>
    <message>
        <source>Apply &amp;Preset</source>
        <translation>Appliquer un &amp;préréglage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Objective of the layout on the plan</source>
        <translation>Objectif de la disposition du plan</translation>
    </message>
    <message>
        <source>From the edit to the new map on screen, and the time the map itself took (median over the last edits)</source>
        <translation>De la modification à la nouvelle carte affichée, et le temps de calcul de la carte (médiane des dernières modifications)</translation>
    </message>
    <message>
        <source>Ready. Open a scene, a study or a result file (Ctrl+O).</source>
        <translation>Prêt. Ouvrez une scène, une étude ou un fichier de résultats (Ctrl+O).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Scenes, studies and results (*.xml *.json *.h5);;Scene (*.xml);;Study (*.json);;Study result (*.h5);;All files (*)</source>
        <translation>Scènes, études et résultats (*.xml *.json *.h5);;Scène (*.xml);;Étude (*.json);;Résultat d&apos;étude (*.h5);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Study saved to %1</source>
        <translation>Étude enregistrée dans %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export report as HTML</source>
        <translation>Exporter le rapport en HTML</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Export best configuration to a folder</source>
        <translation>Exporter la meilleure configuration dans un dossier</translation>
    </message>
    <message>
        <source>Export plan image</source>
        <translation>Exporter l&apos;image du plan</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Clavier et souris</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move it; the map follows while you drag&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag an arrow tip&lt;/b&gt;&lt;/td&gt;&lt;td&gt;turn the AP (yaw)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift + wheel on an AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tilt the AP (downtilt)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the plate&lt;/b&gt;&lt;/td&gt;&lt;td&gt;slide it along its mount wall&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag the target&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move the focal point&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / drag empty space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom / pan; double-click fits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo layout edits&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6 / Shift+F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;start / pause / cancel the study&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare the winners&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the report as PDF&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Glisser un PA&lt;/b&gt;&lt;/td&gt;&lt;td&gt;le déplace ; la carte suit pendant le glisser&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Glisser une pointe de flèche&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tourne le PA (azimut)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Maj + molette sur un PA&lt;/b&gt;&lt;/td&gt;&lt;td&gt;incline le PA (inclinaison)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Glisser la plaque&lt;/b&gt;&lt;/td&gt;&lt;td&gt;la fait coulisser le long de son mur de fixation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Glisser la cible&lt;/b&gt;&lt;/td&gt;&lt;td&gt;déplace le point focal&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Molette / glisser le fond&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoomer / déplacer ; double-clic pour ajuster&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;annuler / rétablir les modifications de la disposition&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6 / Shift+F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;lancer / suspendre / interrompre l&apos;étude&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;comparer les meilleurs&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;exporter le rapport en PDF&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About Reflector Placement Studio</source>
        <translation>À propos de Reflector Placement Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reflector Placement Studio %1&lt;/h3&gt;&lt;p&gt;Indoor Wi-Fi planning: where to put access points and a passive reflector plate so that the worst-served part of a floor still gets a good signal.&lt;/p&gt;&lt;p&gt;Deterministic image-method radio maps on Embree; studies on a pool of worker processes.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reflector Placement Studio %1&lt;/h3&gt;&lt;p&gt;Planification Wi-Fi en intérieur : où placer les points d&apos;accès et une plaque réflectrice passive pour que la partie la moins bien desservie d&apos;un étage reçoive encore un bon signal.&lt;/p&gt;&lt;p&gt;Cartes radio déterministes par la méthode des images sur Embree ; études sur un pool de processus workers.&lt;/p&gt;&lt;p&gt;Licence : MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved study</source>
        <translation>Étude non enregistrée</translation>
    </message>
    <message>
        <source>The study set-up has changes that are not saved. Save them first?</source>
        <translation>La configuration de l&apos;étude a des modifications non enregistrées. Les enregistrer d&apos;abord ?</translation>
    </message>
    <message>
        <source>Study running</source>
        <translation>Étude en cours</translation>
    </message>
    <message>
        <source>A study is running. Cancel it and quit? Its file keeps every finished task; you can resume it later.</source>
        <translation>Une étude est en cours. L&apos;interrompre et quitter ? Son fichier conserve toutes les tâches terminées ; vous pourrez la reprendre plus tard.</translation>
    </message>
    <message>
        <source>Cancel the running study before opening another file.</source>
        <translation>Interrompez l&apos;étude en cours avant d&apos;ouvrir un autre fichier.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation>Le fichier n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <source>scene warning: %1</source>
        <translation>avertissement de la scène : %1</translation>
    </message>
    <message>
        <source>Opened %1: %2 faces, %3 × %4 cells of %5 m</source>
        <translation>%1 ouvert : %2 faces, %3 × %4 cellules de %5 m</translation>
    </message>
    <message>
        <source>Preview (reflection order %1); the full map follows.</source>
        <translation>Aperçu (ordre de réflexion %1) ; la carte complète suit.</translation>
    </message>
    <message>
        <source>Map on screen %1 ms (median %2 ms), computed in %3 ms, order %4</source>
        <translation>Carte affichée en %1 ms (médiane %2 ms), calculée en %3 ms, ordre %4</translation>
    </message>
    <message>
        <source>No best layout yet: run a study or open a result file.</source>
        <translation>Pas encore de meilleure disposition : lancez une étude ou ouvrez un fichier de résultats.</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Aucune étude</translation>
    </message>
    <message>
        <source>Open a scene or a study first.</source>
        <translation>Ouvrez d&apos;abord une scène ou une étude.</translation>
    </message>
    <message>
        <source>Invalid study</source>
        <translation>Étude non valide</translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation>Impossible de lancer l&apos;étude</translation>
    </message>
    <message>
        <source>Resume study</source>
        <translation>Reprendre l&apos;étude</translation>
    </message>
    <message>
        <source>Study result (*.h5)</source>
        <translation>Résultat d&apos;étude (*.h5)</translation>
    </message>
    <message>
        <source>Cannot resume the study</source>
        <translation>Impossible de reprendre l&apos;étude</translation>
    </message>
    <message>
        <source>Study failed</source>
        <translation>Échec de l&apos;étude</translation>
    </message>
    <message>
        <source>Pick 2 to 4 finished tasks to compare.</source>
        <translation>Choisissez de 2 à 4 tâches terminées à comparer.</translation>
    </message>
    <message>
        <source>Task %1 (%2 %3)</source>
        <translation>Tâche %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Nothing is open.</source>
        <translation>Rien n&apos;est ouvert.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 écrit</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer la capture d&apos;écran</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Reflector Placement Studio</source>
        <translation>Reflector Placement Studio</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Comparaison impossible</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Scene not found</source>
        <translation>Scène introuvable</translation>
    </message>
    <message>
        <source>%1

The study file&apos;s scene is not where it was when the study ran. Locate the scene file?</source>
        <translation>%1

La scène du fichier d&apos;étude n&apos;est plus là où elle était quand l&apos;étude a tourné. Rechercher le fichier de scène ?</translation>
    </message>
    <message>
        <source>Scene of %1</source>
        <translation>Scène de %1</translation>
    </message>
    <message>
        <source>Scenes (*.xml);;All files (*)</source>
        <translation>Scènes (*.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Unfinished study</source>
        <translation>Étude inachevée</translation>
    </message>
    <message>
        <source>%1 is an unfinished study file. Resume it, or start the study again in a new file?</source>
        <translation>%1 est un fichier d&apos;étude inachevé. La reprendre, ou recommencer l&apos;étude dans un nouveau fichier ?</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Start &amp;New</source>
        <translation>&amp;Recommencer</translation>
    </message>
    <message>
        <source>Scene plan</source>
        <translation>Plan de la scène</translation>
    </message>
    <message>
        <source>study warning: %1</source>
        <translation>avertissement de l&apos;étude : %1</translation>
    </message>
    <message>
        <source>%1 is being written by another process: following it live.</source>
        <translation>%1 est en cours d’écriture par un autre processus : suivi en direct.</translation>
    </message>
</context>
<context>
    <name>rps::MaterialPalette</name>
    <message>
        <source>concrete</source>
        <translation>béton</translation>
    </message>
    <message>
        <source>brick</source>
        <translation>brique</translation>
    </message>
    <message>
        <source>plasterboard</source>
        <translation>plaque de plâtre</translation>
    </message>
    <message>
        <source>wood</source>
        <translation>bois</translation>
    </message>
    <message>
        <source>glass</source>
        <translation>verre</translation>
    </message>
    <message>
        <source>ceiling board</source>
        <translation>dalle de plafond</translation>
    </message>
    <message>
        <source>chipboard</source>
        <translation>aggloméré</translation>
    </message>
    <message>
        <source>plywood</source>
        <translation>contreplaqué</translation>
    </message>
    <message>
        <source>marble</source>
        <translation>marbre</translation>
    </message>
    <message>
        <source>floorboard</source>
        <translation>plancher</translation>
    </message>
    <message>
        <source>metal</source>
        <translation>métal</translation>
    </message>
    <message>
        <source>very dry ground</source>
        <translation>sol très sec</translation>
    </message>
    <message>
        <source>medium dry ground</source>
        <translation>sol moyennement sec</translation>
    </message>
    <message>
        <source>wet ground</source>
        <translation>sol humide</translation>
    </message>
</context>
<context>
    <name>rps::MethodsEditor</name>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>The methods run in this order. Edit the parameters as key=value pairs; parameters left out take their defaults (see each row&apos;s tooltip).</source>
        <translation>Les méthodes s&apos;exécutent dans cet ordre. Modifiez les paramètres sous forme de paires clé=valeur ; les paramètres omis prennent leur valeur par défaut (voir l&apos;infobulle de chaque ligne).</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a method</source>
        <translation>Ajouter une méthode</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation>Supprimer la méthode sélectionnée</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Run the selected method earlier</source>
        <translation>Exécuter la méthode sélectionnée plus tôt</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Run the selected method later</source>
        <translation>Exécuter la méthode sélectionnée plus tard</translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation>Recherche sur grille</translation>
    </message>
    <message>
        <source>Gradient descent (multi-start)</source>
        <translation>Descente de gradient (multi-départ)</translation>
    </message>
    <message>
        <source>Genetic algorithm</source>
        <translation>Algorithme génétique</translation>
    </message>
    <message>
        <source>Particle swarm (PSO)</source>
        <translation>Essaim particulaire (PSO)</translation>
    </message>
    <message>
        <source>CMA-ES</source>
        <translation>CMA-ES</translation>
    </message>
    <message>
        <source>Local refinement (NLopt)</source>
        <translation>Affinage local (NLopt)</translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation>Divisions successives par deux</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>« %1 » n&apos;est pas de la forme clé=valeur</translation>
    </message>
    <message>
        <source>Defaults: %1</source>
        <translation>Valeurs par défaut : %1</translation>
    </message>
    <message>
        <source>method %1: %2</source>
        <translation>méthode %1 : %2</translation>
    </message>
</context>
<context>
    <name>rps::PlanView</name>
    <message>
        <source>Materials</source>
        <translation>Matériaux</translation>
    </message>
    <message>
        <source>x %1 m, y %2 m</source>
        <translation>x %1 m, y %2 m</translation>
    </message>
    <message>
        <source>  |  no signal</source>
        <translation>  |  pas de signal</translation>
    </message>
    <message>
        <source>  |  RSS %1 dBm</source>
        <translation>  |  RSS %1 dBm</translation>
    </message>
    <message>
        <source>  |  outside the measured cells</source>
        <translation>  |  hors des cellules mesurées</translation>
    </message>
    <message>
        <source>AP %1 at (%2, %3) m, height %4 m, yaw %5°, downtilt %6°
Drag to move, drag the arrow tip to turn, Shift+wheel to tilt.</source>
        <translation>PA %1 en (%2, %3) m, hauteur %4 m, azimut %5°, inclinaison %6°
Glisser pour déplacer, glisser la pointe de la flèche pour tourner, Maj+molette pour incliner.</translation>
    </message>
    <message>
        <source>Reflector plate at u = %1, v = %2 on its mount
Drag to slide it along the mount wall.</source>
        <translation>Plaque réflectrice en u = %1, v = %2 sur son support
Glisser pour la faire coulisser le long du mur de fixation.</translation>
    </message>
    <message>
        <source>Focal point (%1, %2) m: the plate faces so that AP → plate → focal point is a mirror path.
Drag to move it.</source>
        <translation>Point focal (%1, %2) m : la plaque est orientée pour que PA → plaque → point focal soit un trajet spéculaire.
Glisser pour le déplacer.</translation>
    </message>
    <message>
        <source>Open a scene, a study or a study result (File &gt; Open, Ctrl+O).</source>
        <translation>Ouvrez une scène, une étude ou un résultat d&apos;étude (Fichier &gt; Ouvrir, Ctrl+O).</translation>
    </message>
    <message>
        <source>reflector mount wall</source>
        <translation>mur de fixation du réflecteur</translation>
    </message>
    <message>
        <source>AP search bounds</source>
        <translation>zone de recherche des PA</translation>
    </message>
    <message>
        <source>excluded from the metrics</source>
        <translation>exclu des métriques</translation>
    </message>
    <message>
        <source>access point</source>
        <translation>point d&apos;accès</translation>
    </message>
    <message>
        <source>reflector plate</source>
        <translation>plaque réflectrice</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>point focal</translation>
    </message>
    <message>
        <source>RSS dBm</source>
        <translation>RSS dBm</translation>
    </message>
    <message>
        <source>Plate not placeable: %1</source>
        <translation>Plaque impossible à placer : %1</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>pas de signal</translation>
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
        <translation>(aucun fichier récent)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Vider la liste</translation>
    </message>
</context>
<context>
    <name>rps::ResultsPanel</name>
    <message>
        <source>Filter (method, kind, status, ...)</source>
        <translation>Filtre (méthode, type, statut, …)</translation>
    </message>
    <message>
        <source>Show only the rows that contain this text</source>
        <translation>N&apos;afficher que les lignes contenant ce texte</translation>
    </message>
    <message>
        <source>The column the filter looks at</source>
        <translation>La colonne examinée par le filtre</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Toutes les colonnes</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>Comparer la sélection</translation>
    </message>
    <message>
        <source>Compare the maps of 2 to %1 selected results side by side</source>
        <translation>Comparer côte à côte les cartes de 2 à %1 résultats sélectionnés</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) shown</source>
        <translation>
            <numerusform>%1 sur %n tâche affichée</numerusform>
            <numerusform>%1 sur %n tâches affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rps::ResultsTableModel</name>
    <message>
        <source>Select the row to show this layout</source>
        <translation>Sélectionnez la ligne pour afficher cette disposition</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
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
        <translation>Début [s]</translation>
    </message>
    <message>
        <source>Duration [s]</source>
        <translation>Durée [s]</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Task id %1</source>
        <translation>Identifiant de tâche %1</translation>
    </message>
</context>
<context>
    <name>rps::RunControlPanel</name>
    <message>
        <source>Finished tasks of the estimated total</source>
        <translation>Tâches terminées sur le total estimé</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Redémarrages</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Last log line</source>
        <translation>Dernière ligne du journal</translation>
    </message>
    <message>
        <source>One row per worker process: idle, busy, starting or restarting (after a crash or a hang, its task is retried)</source>
        <translation>Une ligne par processus worker : libre, occupé, en démarrage ou redémarré (après un plantage ou un blocage, sa tâche est relancée)</translation>
    </message>
    <message>
        <source>All log lines</source>
        <translation>Toutes les lignes du journal</translation>
    </message>
    <message>
        <source>Study only</source>
        <translation>Étude seulement</translation>
    </message>
    <message>
        <source>No study running.</source>
        <translation>Aucune étude en cours.</translation>
    </message>
    <message>
        <source>Starting workers…</source>
        <translation>Démarrage des workers…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>En cours.</translation>
    </message>
    <message>
        <source>Paused: running tasks finish, no new ones start.</source>
        <translation>En pause : les tâches en cours se terminent, aucune nouvelle ne démarre.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Terminée.</translation>
    </message>
    <message>
        <source>Cancelled: the study file keeps every finished task; resume it later.</source>
        <translation>Interrompue : le fichier de l&apos;étude conserve toutes les tâches terminées ; reprenez-la plus tard.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>Results file: %1</source>
        <translation>Fichier de résultats : %1</translation>
    </message>
    <message>
        <source>%1 of ~%2 tasks  |  elapsed %3  |  ETA %4</source>
        <translation>%1 sur ~%2 tâches  |  écoulé %3  |  reste %4</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>redémarré</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source> (restarted %1×)</source>
        <translation> (redémarré %1×)</translation>
    </message>
    <message numerus="yes">
        <source>Study file: finished, %n task(s).</source>
        <translation>
            <numerusform>Fichier d&apos;étude : terminé, %n tâche.</numerusform>
            <numerusform>Fichier d&apos;étude : terminé, %n tâches.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Study file: unfinished, %n task(s) done. Start Study resumes it.</source>
        <translation>
            <numerusform>Fichier d&apos;étude : inachevé, %n tâche faite. « Lancer l&apos;étude » la reprend.</numerusform>
            <numerusform>Fichier d&apos;étude : inachevé, %n tâches faites. « Lancer l&apos;étude » la reprend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s), done</source>
        <translation>
            <numerusform>%n tâche, terminé</numerusform>
            <numerusform>%n tâches, terminé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) done so far</source>
        <translation>
            <numerusform>%n tâche faite jusqu&apos;ici</numerusform>
            <numerusform>%n tâches faites jusqu&apos;ici</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of ~%2 tasks  |  elapsed %3</source>
        <translation>%1 sur ~%2 tâches  |  écoulé %3</translation>
    </message>
    <message>
        <source>Task id %1</source>
        <translation>Identifiant de tâche %1</translation>
    </message>
    <message>
        <source>Following: another process is writing this study file.</source>
        <translation>Suivi : un autre processus écrit ce fichier d’étude.</translation>
    </message>
</context>
<context>
    <name>rps::Scene3DView</name>
    <message>
        <source>3D view: left drag turns, right drag pans, wheel zooms</source>
        <translation>Vue 3D : glisser à gauche pour tourner, à droite pour déplacer, molette pour zoomer</translation>
    </message>
</context>
<context>
    <name>rps::StoreFollower</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 was replaced by another file</source>
        <translation>%1 a été remplacé par un autre fichier</translation>
    </message>
    <message>
        <source>The run writing %1 finished it.</source>
        <translation>L’exécution qui écrit %1 l’a terminé.</translation>
    </message>
    <message>
        <source>The run writing %1 stopped before the end (%2 task(s) stored); Start Study resumes it.</source>
        <translation>L’exécution qui écrit %1 s’est arrêtée avant la fin (%2 tâche(s) enregistrée(s)) ; Lancer l’étude la reprend.</translation>
    </message>
</context>
<context>
    <name>rps::StudioApp</name>
    <message>
        <source>Reflector Placement Studio: plan access points and reflector plates.</source>
        <translation>Reflector Placement Studio : planifier points d&apos;accès et plaques réflectrices.</translation>
    </message>
    <message>
        <source>A scene (.xml), a study (.json) or a study result (.h5).</source>
        <translation>Une scène (.xml), une étude (.json) ou un résultat d&apos;étude (.h5).</translation>
    </message>
    <message>
        <source>Start the loaded study.</source>
        <translation>Lancer l&apos;étude chargée.</translation>
    </message>
    <message>
        <source>Save the window as FILE when the study finishes (at once without --run).</source>
        <translation>Enregistrer la fenêtre dans FICHIER à la fin de l&apos;étude (immédiatement sans --run).</translation>
    </message>
    <message>
        <source>Also save the window while the study runs (half of its tasks done).</source>
        <translation>Enregistrer aussi la fenêtre pendant l&apos;étude (à la moitié de ses tâches).</translation>
    </message>
    <message>
        <source>Exit afterwards.</source>
        <translation>Quitter ensuite.</translation>
    </message>
    <message>
        <source>User interface language: en, de, fr.</source>
        <translation>Langue de l&apos;interface : en, de, fr.</translation>
    </message>
    <message>
        <source>Give at most one file.
</source>
        <translation>Indiquez au plus un fichier.
</translation>
    </message>
    <message>
        <source>--run needs a scene, study or result file.
</source>
        <translation>--run nécessite un fichier de scène, d&apos;étude ou de résultats.
</translation>
    </message>
    <message>
        <source>--lang %1: not one of %2.
</source>
        <translation>--lang %1 : pas une de %2.
</translation>
    </message>
</context>
<context>
    <name>rps::StudyResults</name>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>P5 SINR</source>
        <translation>SINR P5</translation>
    </message>
    <message>
        <source>Minimum SINR</source>
        <translation>SINR minimal</translation>
    </message>
    <message>
        <source>Soft-min SINR</source>
        <translation>SINR soft-min</translation>
    </message>
    <message>
        <source>Mean SINR</source>
        <translation>SINR moyen</translation>
    </message>
    <message>
        <source>P5 RSS</source>
        <translation>RSS P5</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>RSS minimal</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>RSS soft-min</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>RSS moyen</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Tâche %1</translation>
    </message>
    <message>
        <source>Best layout</source>
        <translation>Meilleure disposition</translation>
    </message>
</context>
<context>
    <name>rps::StudyRunController</name>
    <message>
        <source>A study is already running.</source>
        <translation>Une étude est déjà en cours.</translation>
    </message>
    <message>
        <source>The rps executable (the workers) was not found next to rps-studio or on PATH; set RPS_EXECUTABLE.</source>
        <translation>L&apos;exécutable rps (les workers) est introuvable à côté de rps-studio et dans le PATH ; définissez RPS_EXECUTABLE.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Study started: %1 worker(s), results in %2</source>
        <translation>Étude lancée : %1 worker(s), résultats dans %2</translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation>Reprise de %1</translation>
    </message>
    <message>
        <source>method %1 (%2) started</source>
        <translation>méthode %1 (%2) démarrée</translation>
    </message>
    <message>
        <source>Study paused</source>
        <translation>Étude en pause</translation>
    </message>
    <message>
        <source>Study resumed</source>
        <translation>Étude reprise</translation>
    </message>
    <message>
        <source>Cancelling the study…</source>
        <translation>Interruption de l&apos;étude…</translation>
    </message>
    <message>
        <source>%1 tasks in %2.</source>
        <translation>%1 tâches en %2.</translation>
    </message>
    <message>
        <source>Study finished; results in %1</source>
        <translation>Étude terminée ; résultats dans %1</translation>
    </message>
    <message>
        <source>Study cancelled</source>
        <translation>Étude interrompue</translation>
    </message>
    <message>
        <source>Study failed: %1</source>
        <translation>Échec de l&apos;étude : %1</translation>
    </message>
    <message>
        <source>This build runs no MPI jobs (built without RPS_WITH_MPI); run the study on this computer.</source>
        <translation>Cette version n’exécute pas de tâches MPI (compilée sans RPS_WITH_MPI) ; exécutez l’étude sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The MPI launcher %1 was not found (Debian: openmpi-bin); set it in the study set-up&apos;s Compute group.</source>
        <translation>Le lanceur MPI %1 est introuvable (Debian : openmpi-bin) ; indiquez-le dans le groupe Calcul de la configuration de l’étude.</translation>
    </message>
    <message>
        <source>MPI job: %1</source>
        <translation>Tâche MPI : %1</translation>
    </message>
    <message>
        <source>Study started as an MPI job: %1 worker rank(s), results in %2</source>
        <translation>Étude lancée comme tâche MPI : %1 rang(s) de travail, résultats dans %2</translation>
    </message>
</context>
<context>
    <name>rps::StudySetupPanel</name>
    <message>
        <source>Radio maps the study will evaluate: the sum over its methods with their budgets, plus the final map of the best layout.</source>
        <translation>Cartes radio que l&apos;étude évaluera : la somme sur ses méthodes avec leurs budgets, plus la carte finale de la meilleure disposition.</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Préréglages…</translation>
    </message>
    <message>
        <source>Methods and budgets of the original framework&apos;s studies, applied to the current scene and bounds.</source>
        <translation>Méthodes et budgets des études du framework d&apos;origine, appliqués à la scène et aux bornes actuelles.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Open a study JSON file</source>
        <translation>Ouvrir un fichier d&apos;étude JSON</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save the study as JSON</source>
        <translation>Enregistrer l&apos;étude en JSON</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Étude</translation>
    </message>
    <message>
        <source>Name of the study (used for result files and reports)</source>
        <translation>Nom de l&apos;étude (utilisé pour les fichiers de résultats et les rapports)</translation>
    </message>
    <message>
        <source>1 AP</source>
        <translation>1 PA</translation>
    </message>
    <message>
        <source>2 APs</source>
        <translation>2 PA</translation>
    </message>
    <message>
        <source>2 APs + reflector</source>
        <translation>2 PA + réflecteur</translation>
    </message>
    <message>
        <source>%1 APs</source>
        <translation>%1 PA</translation>
    </message>
    <message>
        <source>What the study places: access points, and a passive reflector plate</source>
        <translation>Ce que l&apos;étude place : des points d&apos;accès et une plaque réflectrice passive</translation>
    </message>
    <message>
        <source>Every random choice of every method derives from this seed</source>
        <translation>Chaque choix aléatoire de chaque méthode découle de cette graine</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>P5 RSS (5th percentile)</source>
        <translation>RSS P5 (5e centile)</translation>
    </message>
    <message>
        <source>Minimum RSS</source>
        <translation>RSS minimal</translation>
    </message>
    <message>
        <source>Soft-min RSS</source>
        <translation>RSS soft-min</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>RSS moyen</translation>
    </message>
    <message>
        <source>Coverage above threshold</source>
        <translation>Couverture au-dessus du seuil</translation>
    </message>
    <message>
        <source>The one number every method maximises, over the counted cells</source>
        <translation>Le nombre unique que chaque méthode maximise, sur les cellules comptées</translation>
    </message>
    <message>
        <source>Best server</source>
        <translation>Meilleur serveur</translation>
    </message>
    <message>
        <source>Sum of APs</source>
        <translation>Somme des PA</translation>
    </message>
    <message>
        <source>SINR</source>
        <translation>SINR</translation>
    </message>
    <message>
        <source>How the maps of several APs combine into one</source>
        <translation>Comment les cartes de plusieurs PA se combinent en une seule</translation>
    </message>
    <message>
        <source> dBm</source>
        <translation> dBm</translation>
    </message>
    <message>
        <source>Coverage threshold: a cell is covered at or above this received power</source>
        <translation>Seuil de couverture : une cellule est couverte à partir de cette puissance reçue</translation>
    </message>
    <message>
        <source>Soft-min temperature (natural-log units)</source>
        <translation>Température du soft-min (unités du logarithme népérien)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Combining</source>
        <translation>Combinaison</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Soft-min τ</source>
        <translation>Soft-min τ</translation>
    </message>
    <message>
        <source>AP bounds and constraints</source>
        <translation>Bornes et contraintes des PA</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Lowest AP x</source>
        <translation>x minimal des PA</translation>
    </message>
    <message>
        <source>Highest AP x</source>
        <translation>x maximal des PA</translation>
    </message>
    <message>
        <source>Lowest AP y</source>
        <translation>y minimal des PA</translation>
    </message>
    <message>
        <source>Highest AP y</source>
        <translation>y maximal des PA</translation>
    </message>
    <message>
        <source>AP height (fixed)</source>
        <translation>Hauteur des PA (fixe)</translation>
    </message>
    <message>
        <source>Minimum distance between two APs</source>
        <translation>Distance minimale entre deux PA</translation>
    </message>
    <message>
        <source>Optimise yaw and downtilt</source>
        <translation>Optimiser l&apos;azimut et l&apos;inclinaison</translation>
    </message>
    <message>
        <source>Off: every AP keeps the fixed direction below</source>
        <translation>Désactivé : chaque PA garde la direction fixe ci-dessous</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Fixed yaw (from +x toward +y)</source>
        <translation>Azimut fixe (de +x vers +y)</translation>
    </message>
    <message>
        <source>Fixed downtilt (below the horizon)</source>
        <translation>Inclinaison fixe (sous l&apos;horizon)</translation>
    </message>
    <message>
        <source>Largest downtilt the optimisers may choose</source>
        <translation>Plus grande inclinaison que les optimiseurs peuvent choisir</translation>
    </message>
    <message>
        <source>x range</source>
        <translation>Plage x</translation>
    </message>
    <message>
        <source>y range</source>
        <translation>Plage y</translation>
    </message>
    <message>
        <source>AP height</source>
        <translation>Hauteur des PA</translation>
    </message>
    <message>
        <source>Min. separation</source>
        <translation>Écart min.</translation>
    </message>
    <message>
        <source>Max. downtilt</source>
        <translation>Inclinaison max.</translation>
    </message>
    <message>
        <source>Fixed yaw / tilt</source>
        <translation>Azimut / inclinaison fixes</translation>
    </message>
    <message>
        <source>Reflector plate</source>
        <translation>Plaque réflectrice</translation>
    </message>
    <message>
        <source>A passive metal plate on a mount wall, facing so that the AP → plate → focal point path is specular</source>
        <translation>Une plaque métallique passive sur un mur de fixation, orientée pour que le trajet PA → plaque → point focal soit spéculaire</translation>
    </message>
    <message>
        <source>Mount top-left x</source>
        <translation>Support en haut à gauche x</translation>
    </message>
    <message>
        <source>Mount top-left y</source>
        <translation>Support en haut à gauche y</translation>
    </message>
    <message>
        <source>Mount top z</source>
        <translation>Support en haut z</translation>
    </message>
    <message>
        <source>Mount bottom-right x</source>
        <translation>Support en bas à droite x</translation>
    </message>
    <message>
        <source>Mount bottom-right y</source>
        <translation>Support en bas à droite y</translation>
    </message>
    <message>
        <source>Mount bottom z</source>
        <translation>Support en bas z</translation>
    </message>
    <message>
        <source>Mount wall normal x (into the room)</source>
        <translation>Normale du mur de fixation x (vers la pièce)</translation>
    </message>
    <message>
        <source>Mount wall normal y (into the room)</source>
        <translation>Normale du mur de fixation y (vers la pièce)</translation>
    </message>
    <message>
        <source>Plate width</source>
        <translation>Largeur de la plaque</translation>
    </message>
    <message>
        <source>Plate height</source>
        <translation>Hauteur de la plaque</translation>
    </message>
    <message>
        <source>Height of the focal point</source>
        <translation>Hauteur du point focal</translation>
    </message>
    <message>
        <source>The AP whose mirror path through the plate reaches the focal point</source>
        <translation>Le PA dont le trajet spéculaire via la plaque atteint le point focal</translation>
    </message>
    <message>
        <source>Mount from (x, y, z)</source>
        <translation>Support de (x, y, z)</translation>
    </message>
    <message>
        <source>Mount to (x, y, z)</source>
        <translation>Support à (x, y, z)</translation>
    </message>
    <message>
        <source>Wall normal</source>
        <translation>Normale du mur</translation>
    </message>
    <message>
        <source>Plate size</source>
        <translation>Taille de la plaque</translation>
    </message>
    <message>
        <source>Focal height</source>
        <translation>Hauteur focale</translation>
    </message>
    <message>
        <source>Oriented to AP</source>
        <translation>Orientée vers le PA</translation>
    </message>
    <message>
        <source>Radio and grid</source>
        <translation>Radio et grille</translation>
    </message>
    <message>
        <source> GHz</source>
        <translation> GHz</translation>
    </message>
    <message>
        <source>Carrier frequency</source>
        <translation>Fréquence porteuse</translation>
    </message>
    <message>
        <source>Transmit power per AP</source>
        <translation>Puissance d&apos;émission par PA</translation>
    </message>
    <message>
        <source>Isotropic</source>
        <translation>Isotrope</translation>
    </message>
    <message>
        <source>Short dipole</source>
        <translation>Dipôle court</translation>
    </message>
    <message>
        <source>3GPP TR 38.901 element</source>
        <translation>Élément 3GPP TR 38.901</translation>
    </message>
    <message>
        <source>AP 2×1 array (V+H)</source>
        <translation>Réseau 2×1 du PA (V+H)</translation>
    </message>
    <message>
        <source>Specular reflections per path</source>
        <translation>Réflexions spéculaires par trajet</translation>
    </message>
    <message>
        <source>Measurement grid cell size</source>
        <translation>Taille des cellules de la grille de mesure</translation>
    </message>
    <message>
        <source>Height of the receiver plane</source>
        <translation>Hauteur du plan de réception</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Puissance</translation>
    </message>
    <message>
        <source>Antenna</source>
        <translation>Antenne</translation>
    </message>
    <message>
        <source>Reflection order</source>
        <translation>Ordre de réflexion</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Taille de cellule</translation>
    </message>
    <message>
        <source>Receiver height</source>
        <translation>Hauteur du récepteur</translation>
    </message>
    <message>
        <source>Methods and budgets</source>
        <translation>Méthodes et budgets</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <source>Worker processes (`rps worker`) that evaluate tasks in parallel</source>
        <translation>Processus workers (`rps worker`) qui évaluent les tâches en parallèle</translation>
    </message>
    <message>
        <source>Share of one GPU given to each worker (the original framework ran 4 workers at 0.25)</source>
        <translation>Part d&apos;un GPU attribuée à chaque worker (le framework d&apos;origine utilisait 4 workers à 0,25)</translation>
    </message>
    <message>
        <source>A GPU backend is built; workers share the GPUs by fraction.</source>
        <translation>Un backend GPU est compilé ; les workers se partagent les GPU par fraction.</translation>
    </message>
    <message>
        <source>No GPU backend built: workers compute on the CPU (%1 cores); the GPU fraction is recorded with the study.</source>
        <translation>Aucun backend GPU compilé : les workers calculent sur le CPU (%1 cœurs) ; la fraction de GPU est enregistrée avec l&apos;étude.</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>GPU per worker</source>
        <translation>GPU par worker</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1 radio maps over %2 method(s), %3 worker(s).</source>
        <translation>&lt;b&gt;Estimation :&lt;/b&gt; %1 cartes radio sur %2 méthode(s), %3 worker(s).</translation>
    </message>
    <message>
        <source>Gradient descent, 80 starts × 30 iterations</source>
        <translation>Descente de gradient, 80 départs × 30 itérations</translation>
    </message>
    <message>
        <source>Genetic algorithm, population 100 × 20 generations</source>
        <translation>Algorithme génétique, population 100 × 20 générations</translation>
    </message>
    <message>
        <source>Grid search, 1 m resolution</source>
        <translation>Recherche sur grille, résolution 1 m</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>Ouvrir une étude</translation>
    </message>
    <message>
        <source>Study (*.json);;All files (*)</source>
        <translation>Étude (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Save study</source>
        <translation>Enregistrer l&apos;étude</translation>
    </message>
    <message>
        <source>Study (*.json)</source>
        <translation>Étude (*.json)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>MPI job (mpirun)</source>
        <translation>Tâche MPI (mpirun)</translation>
    </message>
    <message>
        <source>This computer: the workers are processes here. MPI job: mpirun starts rank 0, which runs the study and writes its file, and one rank per worker on the hosts its options name; the studio follows the job live. Rank 0 may run on any of those hosts: the study folder must be one they all see. Remembered for every study.</source>
        <translation>Cet ordinateur : les processus de travail tournent ici. Tâche MPI : mpirun lance le rang 0, qui exécute l’étude et écrit son fichier, et un rang par processus de travail sur les hôtes que ses options désignent ; le studio suit la tâche en direct. Le rang 0 peut tourner sur n’importe lequel de ces hôtes : le dossier des études doit être visible de tous. Retenu pour toutes les études.</translation>
    </message>
    <message>
        <source>This build has no MPI support (RPS_WITH_MPI).</source>
        <translation>Cette version ne prend pas en charge MPI (RPS_WITH_MPI).</translation>
    </message>
    <message>
        <source>The MPI launcher (a name on PATH or a path)</source>
        <translation>Le lanceur MPI (un nom dans le PATH ou un chemin)</translation>
    </message>
    <message>
        <source>Options given to the launcher before -n N+1 (hosts, network); N is the number of workers above, one rank each, and rank 0 runs the study</source>
        <translation>Options passées au lanceur avant -n N+1 (hôtes, réseau) ; N est le nombre de processus de travail ci-dessus, un rang chacun, et le rang 0 exécute l’étude</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Exécuter sur</translation>
    </message>
    <message>
        <source>MPI launcher</source>
        <translation>Lanceur MPI</translation>
    </message>
    <message>
        <source>MPI options</source>
        <translation>Options MPI</translation>
    </message>
</context>
</TS>
