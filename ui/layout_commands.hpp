#pragma once
// Undoable layout edits: move an AP, rotate or tilt an AP, move the plate along its mount, move
// the focal point, apply a result's layout. One command class; the edit kind names it in the Edit
// menu.
// A command stores the layout before and after the edit, so undo restores the exact layout (and
// with it the exact map, which is a pure function of the layout).
#include <QCoreApplication>
#include <QUndoCommand>

#include "ui/layout_document.hpp"

namespace rps {

class LayoutCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(LayoutCommand)
public:
    LayoutCommand(LayoutDocument* document, LayoutEdit kind, int ap_index, Layout before,
                  Layout after);

    void undo() override;
    void redo() override;
    // Consecutive wheel tilts of the same AP merge into one step (a tilt of 12° is 12 wheel
    // steps, and one Undo takes it back); tilted back to where it started, the step goes away.
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    LayoutEdit kind() const { return kind_; }
    int apIndex() const { return ap_index_; }

    static QString describe(LayoutEdit kind, int ap_index);

private:
    LayoutDocument* document_;
    LayoutEdit kind_;
    int ap_index_;
    Layout before_;
    Layout after_;
};

}  // namespace rps
