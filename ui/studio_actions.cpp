#include "ui/studio_actions.hpp"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QStyle>
#include <QWidget>

namespace rps {
namespace {

QAction* make(QWidget* owner, const QString& text, const QKeySequence& shortcut, const QString& tip,
              QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
    auto* action = new QAction(text, owner);
    if (!shortcut.isEmpty()) action->setShortcut(shortcut);
    QString full_tip = tip;
    if (!shortcut.isEmpty())
        full_tip += QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
    action->setToolTip(full_tip);
    action->setStatusTip(tip);
    if (icon != QStyle::SP_CustomBase) action->setIcon(owner->style()->standardIcon(icon));
    owner->addAction(action);
    return action;
}

}  // namespace

StudioActions::StudioActions(QWidget* w) {
    open = make(w, tr("&Open…"), QKeySequence::Open,
                tr("Open a scene (XML), a study (JSON) or a study result (HDF5)"),
                QStyle::SP_DialogOpenButton);
    save_study = make(w, tr("&Save Study"), QKeySequence::Save, tr("Save the study set-up as JSON"),
                      QStyle::SP_DialogSaveButton);
    save_study_as = make(w, tr("Save Study &As…"), QKeySequence::SaveAs,
                         tr("Save the study set-up as JSON under a new name"));
    export_pdf = make(w, tr("Report as &PDF…"), QKeySequence(tr("Ctrl+E")),
                      tr("Export the study report (set-up, best layout, maps, plots, statistics) "
                         "as PDF"));
    export_html = make(w, tr("Report as &HTML…"), QKeySequence(tr("Ctrl+Shift+E")),
                       tr("Export the study report as one self-contained HTML file"));
    export_best_config =
        make(w, tr("Best &Configuration…"), {},
             tr("Export the best layout found (or the one on the plan before any result) into a "
                "folder as rps export --best does: best_layout.json, and best_scene.xml with the "
                "APs as parameters and the reflector plate as a metal mesh"));
    export_plan_image = make(w, tr("Plan &Image (PNG/SVG)…"), {},
                             tr("Export the plan view with its heatmap as PNG or SVG"));
    export_plot = make(w, tr("Current P&lot (PNG/SVG)…"), {},
                       tr("Export the live plot on the visible tab as PNG or SVG"));
    screenshot = make(w, tr("Save &Screenshot…"), QKeySequence(tr("F12")),
                      tr("Save a picture of the whole window"));
    quit = make(w, tr("&Quit"), QKeySequence::Quit, tr("Quit Reflector Placement Studio"));
    undo = make(w, tr("&Undo"), QKeySequence::Undo, tr("Undo the last layout edit"),
                QStyle::SP_ArrowBack);
    redo = make(w, tr("&Redo"), QKeySequence::Redo, tr("Redo the layout edit"),
                QStyle::SP_ArrowForward);
    reset_layout = make(w, tr("Re&set Layout"), QKeySequence(tr("Ctrl+Shift+R")),
                        tr("Put the APs and the plate back to their starting places"));
    fit_plan = make(w, tr("&Fit Plan"), QKeySequence(tr("Ctrl+0")),
                    tr("Fit the whole scene into the plan view"));
    zoom_in = make(w, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the plan"));
    zoom_out = make(w, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the plan"));
    rescale_colours = make(w, tr("Rescale &Colours"), QKeySequence(tr("Ctrl+L")),
                           tr("Fit the colour scale to the map on screen"));
    smooth_map = make(w, tr("S&mooth Heatmap"), {}, tr("Interpolate the heatmap between cells"));
    smooth_map->setCheckable(true);
    show_legend = make(w, tr("Show &Legend"), QKeySequence(tr("Ctrl+Shift+L")),
                       tr("Show the materials and symbols legend on the plan"));
    show_legend->setCheckable(true);
    show_legend->setChecked(true);
    drag_preview = make(w, tr("Fast Drag &Preview"), {},
                        tr("While dragging, show first-order maps when full maps take longer "
                           "than the drag budget; the full map follows when the drag rests"));
    drag_preview->setCheckable(true);
    drag_preview->setChecked(true);
    follow_best = make(w, tr("Follow &Best Layout"), QKeySequence(tr("Ctrl+Shift+B")),
                       tr("While a study runs, show its best layout so far on the plan"));
    follow_best->setCheckable(true);
    follow_best->setChecked(true);
    reset_3d_camera = make(w, tr("Reset 3D &Camera"), {}, tr("Look at the whole scene again"));
    reset_window = make(w, tr("Reset &Window Layout"), {},
                        tr("Put the panels back where they were at the first start and fit the "
                           "window to the screen"));
    start = make(w, tr("&Start Study"), QKeySequence(tr("F5")),
                 tr("Run the study on the worker pool"), QStyle::SP_MediaPlay);
    pause = make(w, tr("&Pause"), QKeySequence(tr("F6")), tr("Pause or continue dispatching tasks"),
                 QStyle::SP_MediaPause);
    pause->setCheckable(true);
    cancel = make(w, tr("&Cancel Study"), QKeySequence(tr("Shift+F5")),
                  tr("Stop the study; finished tasks stay in its file"), QStyle::SP_MediaStop);
    resume_store =
        make(w, tr("&Resume from File…"), QKeySequence(tr("Ctrl+Shift+O")),
             tr("Continue an interrupted study from its HDF5 file"), QStyle::SP_BrowserReload);
    compare = make(w, tr("Compare &Winners…"), QKeySequence(tr("Ctrl+K")),
                   tr("Compare the best results: maps, difference, CDF, metrics"));
    show_best = make(w, tr("Show &Best Layout"), QKeySequence(tr("Ctrl+B")),
                     tr("Put the best layout found so far on the plan"));
    shortcuts_help = make(w, tr("&Keyboard and Mouse"), QKeySequence::HelpContents,
                          tr("How to work the plan view"));
    about = make(w, tr("&About Reflector Placement Studio"), {}, tr("Version and licence"));
    about_qt = make(w, tr("About &Qt"), {}, tr("The Qt version in use"));
}

}  // namespace rps
