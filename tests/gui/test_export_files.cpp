// The studio's picture exports through its menu (File > Export > Plan Image, Current Plot, Save
// Screenshot), answered in the file dialog: a normal export writes a picture that decodes (PNG)
// or a drawing that renders (SVG) and says "Wrote"; on a full disk (a file size limit, smaller
// than any of the pictures) the error box names the file and the system's reason, the status
// line does not say "Wrote", and the folder holds no picture cut off at the limit nor a
// temporary file (ui/export_file.hpp).
#include <QAction>
#include <QFileDialog>
#include <QLineEdit>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "support/file_size_limit.hpp"
#include "ui/live_plots_panel.hpp"

using namespace rps;

namespace {

// Smaller than every picture these exports write; larger than what the studio writes meanwhile.
constexpr rlim_t kLimit_bytes = 4096;

// Answers the next save dialog with `path` (the widget dialog: Qt's own, not the platform's).
class FileDialogAnswerer : public QObject {
public:
    explicit FileDialogAnswerer(const QString& path) : path_(path) {
        timer_.setInterval(20);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] {
            if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
                timer_.stop();
                // Typed as a user would: selectFile() leaves the dialog's default name while
                // the folder is still being read.
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                if (name) name->setText(path_);
                static_cast<QDialog*>(dialog)->accept();  // QFileDialog's checks the name
                answered = true;
            }
        });
        timer_.start();
    }
    bool answered = false;

private:
    QString path_;
    QTimer timer_;
};

QStringList entriesOf(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

}  // namespace

class ExportFilesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QVERIFY(dir_.isValid());
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(test::openAndWait(*window_, test::sourcePath("scenes/l_hall/l_hall.xml")));
    }

    void exports_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("file");
        QTest::newRow("plan png") << QStringLiteral("Plan &Image (PNG/SVG)…")
                                  << QStringLiteral("plan.png");
        QTest::newRow("plan svg") << QStringLiteral("Plan &Image (PNG/SVG)…")
                                  << QStringLiteral("plan.svg");
        QTest::newRow("plot png") << QStringLiteral("Current P&lot (PNG/SVG)…")
                                  << QStringLiteral("plot.png");
        QTest::newRow("plot svg") << QStringLiteral("Current P&lot (PNG/SVG)…")
                                  << QStringLiteral("plot.svg");
        QTest::newRow("screenshot")
            << QStringLiteral("Save &Screenshot…") << QStringLiteral("window.png");
    }

    void exports() {
        QFETCH(QString, action);
        QFETCH(QString, file);
        QAction* menu_action = actionNamed(action);
        QVERIFY(menu_action);

        // A normal export: a picture that decodes, a drawing that renders.
        const QString good = QDir(dir_.path()).filePath(file);
        QVERIFY(trigger(menu_action, good).isEmpty());
        QVERIFY2(window_->statusBar()->currentMessage().startsWith(QStringLiteral("Wrote ")),
                 qPrintable(window_->statusBar()->currentMessage()));
        if (file.endsWith(QLatin1String(".svg"))) {
            QSvgRenderer drawing(good);
            QVERIFY(drawing.isValid());
            QVERIFY(drawing.defaultSize().width() > 100);
        } else {
            const QImage picture(good);
            QVERIFY(!picture.isNull());
            QVERIFY(picture.width() > 100);
        }
        QVERIFY2(QFileInfo(good).size() > static_cast<qint64>(kLimit_bytes),
                 "the picture must be larger than the limit for the test below to mean anything");

        // On a full disk: the error names the file and the reason; nothing is left.
        const QString folder = QDir(dir_.path())
                                   .filePath(QStringLiteral("full_") + QFileInfo(file).baseName() +
                                             QStringLiteral("_") + QFileInfo(file).suffix());
        QVERIFY(QDir().mkpath(folder));
        const QString cut = QDir(folder).filePath(file);
        window_->statusBar()->clearMessage();
        QStringList errors;
        {
            test::FileSizeLimit limit(kLimit_bytes);
            errors = trigger(menu_action, cut);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(cut), qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(QStringLiteral("File too large")),
                 qPrintable(errors.first()));
        QVERIFY2(!window_->statusBar()->currentMessage().startsWith(QStringLiteral("Wrote")),
                 qPrintable(window_->statusBar()->currentMessage()));
        QCOMPARE(entriesOf(folder), QStringList());
    }

    // The methods behind the menu, into a folder that does not exist: false, the file named.
    void exportsIntoAMissingFolder() {
        const QString nowhere = QDir(dir_.path()).filePath(QStringLiteral("no/such/plan.png"));
        QString error;
        QVERIFY(!window_->exportPlanImage(nowhere, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
        const QString svg = QDir(dir_.path()).filePath(QStringLiteral("no/such/plan.svg"));
        QVERIFY(!window_->exportPlanImage(svg, &error));
        QVERIFY2(error.contains(svg), qPrintable(error));
        QVERIFY(!window_->saveScreenshot(nowhere, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
    }

    void cleanupTestCase() { window_.reset(); }

private:
    QAction* actionNamed(const QString& text) const {
        for (QAction* action : window_->findChildren<QAction*>())
            if (action->text() == text) return action;
        return nullptr;
    }

    // Triggers a menu export answered with `path`; returns the texts of the error boxes shown.
    QStringList trigger(QAction* action, const QString& path) {
        FileDialogAnswerer answer(path);
        test::MessageBoxCloser boxes;
        action->trigger();
        QTest::qWait(100);  // a box still open closes
        if (!answer.answered) return {QStringLiteral("the file dialog was not answered")};
        return boxes.texts;
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

RPS_GUI_TEST_MAIN(ExportFilesTest, false)
#include "test_export_files.moc"
