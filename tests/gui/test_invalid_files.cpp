// Files that cannot be opened give a dialog that says what is wrong and where (file and line),
// never a crash; the window stays usable afterwards.
#include <QFile>
#include <QTemporaryDir>

#include "gui_test_support.hpp"

using namespace rps;

class InvalidFilesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void badSceneNamesFileAndLine() {
        const QString path = write(QStringLiteral("broken.xml"),
                                   "<?xml version=\"1.0\"?>\n"
                                   "<scene version=\"2.1.0\">\n"
                                   "  <bsdf type=\"itu-radio-material\" id=\"wall\">\n"
                                   "    <string name=\"type\" value=\"concrete\"/>\n"
                                   "    <float name=\"thickness\" value=\"0.2x\"/>\n"
                                   "  </bsdf>\n"
                                   "</scene>\n");
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("broken.xml:5")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("thickness")), qPrintable(text));
    }

    void malformedXmlNamesTheLine() {
        const QString path = write(QStringLiteral("malformed.xml"),
                                   "<?xml version=\"1.0\"?>\n<scene version=\"2.1.0\">\n"
                                   "  <shape type=\"rectangle\">\n</scene>\n");
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("malformed.xml")), qPrintable(text));
    }

    void missingFile() {
        const QString text = openExpectingDialog(dir_.filePath(QStringLiteral("nowhere.xml")));
        QVERIFY2(text.contains(QStringLiteral("nowhere.xml")), qPrintable(text));
    }

    void badStudyNamesTheKey() {
        const QString scene = test::sourcePath("scenes/l_hall/l_hall.xml");
        const QString path = write(QStringLiteral("study.json"),
                                   QStringLiteral("{\"scene\": \"%1\", \"mode\": \"1ap\",\n"
                                                  " \"methods\": [{\"type\": \"ga\", "
                                                  "\"populaton\": 10}]}\n")
                                       .arg(scene)
                                       .toUtf8());
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("populaton")), qPrintable(text));
    }

    void windowStillWorks() {
        QVERIFY(test::openAndWait(*window_, test::sourcePath("scenes/l_hall/l_hall.xml")));
        QVERIFY(window_->shownMap()->evaluation.valid);
    }

    void cleanupTestCase() { window_.reset(); }

private:
    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return path;
    }

    QString openExpectingDialog(const QString& path) {
        test::MessageBoxCloser closer;
        QSignalSpy failed(window_.get(), &MainWindow::loadFailed);
        window_->openFile(path);
        if (!failed.wait(10000)) return QStringLiteral("(no loadFailed signal)");
        for (int i = 0; i < 100 && closer.texts.isEmpty(); ++i) QTest::qWait(50);
        if (!window_->isVisible()) return QStringLiteral("(window gone)");
        return closer.texts.join(QLatin1Char('\n'));
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

RPS_GUI_TEST_MAIN(InvalidFilesTest, false)
#include "test_invalid_files.moc"
