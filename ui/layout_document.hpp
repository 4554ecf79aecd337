#pragma once
// The layout being edited in the plan view (APs, plate, focal point) and its undo history. Every
// user edit goes through a LayoutCommand on the undo stack (LabPlot/QGIS style); code that follows
// a running study's best layout sets it directly without an undo entry.
#include <QObject>

#include "core/study/layout.hpp"

class QUndoStack;

namespace rps {

// TiltAp: one wheel step of an AP's downtilt (Shift + wheel); consecutive steps on the same AP
// are one undo step.
enum class LayoutEdit { MoveAp, RotateAp, MovePlate, MoveFocal, ApplyLayout, TiltAp };

class LayoutDocument : public QObject {
    Q_OBJECT
public:
    explicit LayoutDocument(QObject* parent = nullptr);

    const Layout& layout() const { return layout_; }
    // Sets the layout without an undo entry (new scene, best layout of a run). Emits
    // layoutChanged.
    void setLayout(const Layout& layout);
    // Starts over: sets the layout and clears the undo history.
    void reset(const Layout& layout);
    // Records a finished edit (before -> after) as an undoable command and applies it.
    void edit(LayoutEdit kind, int ap_index, const Layout& before, const Layout& after);
    QUndoStack* undoStack() const { return undo_stack_; }

Q_SIGNALS:
    void layoutChanged();

private:
    Layout layout_;
    QUndoStack* undo_stack_;
};

}  // namespace rps
