// The study set-up's methods table (MethodsEditor): what a user does to a study's methods (add,
// edit parameters as key=value, change a type, reorder, remove) must come out as the methods
// JSON the runner reads, and a row that does not parse must be named, not silently dropped.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QMenu>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>
#include <string>

#include "runtime/study_runner.hpp"
#include "ui/methods_editor.hpp"

namespace rps {
namespace {

using nlohmann::json;

QToolButton* button(const MethodsEditor& editor, const QString& text) {
    for (QToolButton* b : editor.findChildren<QToolButton*>())
        if (b->text() == text) return b;
    return nullptr;
}

QTableWidget* table(const MethodsEditor& editor) { return editor.findChild<QTableWidget*>(); }

const json kTwoMethods = json::array({{{"type", "grid"}, {"resolution_m", 2.0}},
                                      {{"type", "ga"}, {"population", 20}, {"generations", 3}}});

TEST(MethodsEditor, MethodsComeBackAsTheyWereSet) {
    MethodsEditor editor;
    editor.setMethods(kTwoMethods);
    QString error;
    EXPECT_EQ(editor.methods(&error), kTwoMethods);
    EXPECT_TRUE(error.isEmpty());
    // Each row's tooltip lists the runner's defaults for its type.
    const QString tip = table(editor)->item(1, 1)->toolTip();
    EXPECT_TRUE(tip.startsWith(QStringLiteral("Defaults: "))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("population=50"))) << tip.toStdString();
}

TEST(MethodsEditor, EditedParametersAndTypeReachTheJson) {
    MethodsEditor editor;
    editor.setMethods(kTwoMethods);
    QSignalSpy changed(&editor, &MethodsEditor::changed);
    // Numbers stay numbers, a bare word becomes a string, spaces around '=' do not matter.
    table(editor)->item(1, 1)->setText(QStringLiteral("population = 40, generations=5, note=fast"));
    EXPECT_EQ(changed.count(), 1);
    json expected = kTwoMethods;
    expected[1] = {{"type", "ga"}, {"population", 40}, {"generations", 5}, {"note", "fast"}};
    EXPECT_EQ(editor.methods(), expected);

    auto* type = qobject_cast<QComboBox*>(table(editor)->cellWidget(1, 0));
    ASSERT_NE(type, nullptr);
    type->setCurrentIndex(type->findData(QStringLiteral("pso")));
    EXPECT_EQ(changed.count(), 2);
    expected[1]["type"] = "pso";
    EXPECT_EQ(editor.methods(), expected);
    const QString tip = table(editor)->item(1, 1)->toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("sigma0=0.3"))) << tip.toStdString();
}

TEST(MethodsEditor, ARowThatDoesNotParseIsNamed) {
    MethodsEditor editor;
    editor.setMethods(kTwoMethods);
    table(editor)->item(1, 1)->setText(QStringLiteral("population=40, generations"));
    QString error;
    const json methods = editor.methods(&error);
    EXPECT_EQ(methods, json::array({kTwoMethods[0]}));
    EXPECT_EQ(error.toStdString(), "method 2: 'generations' is not key=value");
    // The row is marked, its tooltip says why.
    EXPECT_EQ(table(editor)->item(1, 1)->foreground().color(), QColor(Qt::red));
    EXPECT_EQ(table(editor)->item(1, 1)->toolTip().toStdString(), "'generations' is not key=value");
}

TEST(MethodsEditor, ButtonsAddReorderAndRemove) {
    MethodsEditor editor;
    editor.setMethods(kTwoMethods);
    QSignalSpy changed(&editor, &MethodsEditor::changed);
    QToolButton* add = button(editor, QStringLiteral("Add"));
    QToolButton* up = button(editor, QStringLiteral("Up"));
    QToolButton* down = button(editor, QStringLiteral("Down"));
    QToolButton* remove = button(editor, QStringLiteral("Remove"));
    ASSERT_TRUE(add && up && down && remove);
    ASSERT_NE(add->menu(), nullptr);

    // Add: one entry per method type, in the runner's order; a new row takes the defaults.
    const QList<QAction*> types = add->menu()->actions();
    ASSERT_EQ(types.size(), MethodsEditor::methodTypes().size());
    types[MethodsEditor::methodTypes().indexOf(QStringLiteral("refine"))]->trigger();
    json expected = kTwoMethods;
    expected.push_back({{"type", "refine"}});
    EXPECT_EQ(editor.methods(), expected);

    // Up: the selected row runs one earlier.
    table(editor)->selectRow(2);
    table(editor)->setCurrentCell(2, 1);
    up->click();
    EXPECT_EQ(editor.methods(), json::array({expected[0], expected[2], expected[1]}));
    EXPECT_EQ(table(editor)->currentRow(), 1);
    // Down from the last row does nothing.
    table(editor)->setCurrentCell(2, 1);
    const int before = changed.count();
    down->click();
    EXPECT_EQ(changed.count(), before);
    EXPECT_EQ(editor.methods(), json::array({expected[0], expected[2], expected[1]}));

    // Remove the selected row.
    table(editor)->setCurrentCell(0, 1);
    remove->click();
    EXPECT_EQ(editor.methods(), json::array({expected[2], expected[1]}));
    EXPECT_EQ(changed.count(), 3);  // add, up, remove
}

TEST(MethodsEditor, EstimatesFillTheMapsColumn) {
    MethodsEditor editor;
    editor.setMethods(kTwoMethods);
    editor.setEstimates({1234, 5});
    EXPECT_EQ(table(editor)->item(0, 2)->text(), QLocale().toString(1234));
    EXPECT_EQ(table(editor)->item(1, 2)->text(), QStringLiteral("5"));
    editor.setEstimates({7});  // fewer estimates than rows: the rest unknown
    EXPECT_EQ(table(editor)->item(1, 2)->text(), QStringLiteral("–"));
}

}  // namespace
}  // namespace rps
