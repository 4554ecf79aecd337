#pragma once
// Every QAction of the main window, created in one place with its text, shortcut, tooltip, status
// tip and icon (menus, toolbar and panels share them).
#include <QCoreApplication>

class QAction;
class QObject;
class QWidget;

namespace rps {

struct StudioActions {
    Q_DECLARE_TR_FUNCTIONS(StudioActions)
public:
    explicit StudioActions(QWidget* owner);

    QAction* open;
    QAction* save_study;
    QAction* save_study_as;
    QAction* export_pdf;
    QAction* export_html;
    QAction* export_best_config;
    QAction* export_plan_image;
    QAction* export_plot;
    QAction* screenshot;
    QAction* quit;
    QAction* undo;
    QAction* redo;
    QAction* reset_layout;
    QAction* fit_plan;
    QAction* zoom_in;
    QAction* zoom_out;
    QAction* rescale_colours;
    QAction* smooth_map;
    QAction* show_legend;
    QAction* drag_preview;
    QAction* follow_best;
    QAction* reset_3d_camera;
    QAction* reset_window;
    QAction* start;
    QAction* pause;
    QAction* cancel;
    QAction* resume_store;
    QAction* compare;
    QAction* show_best;
    QAction* shortcuts_help;
    QAction* about;
    QAction* about_qt;
};

}  // namespace rps
