#include "ui/recent_files.hpp"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace rps {
namespace {
const char* const kKey = "recentFiles";
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) {
    rebuildMenu();
}

QStringList RecentFiles::files() const {
    return QSettings().value(QLatin1String(kKey)).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles) list.removeLast();
    QSettings().setValue(QLatin1String(kKey), list);
    rebuildMenu();
}

void RecentFiles::rebuildMenu() {
    menu_->clear();
    const QStringList list = files();
    int n = 0;
    for (const QString& path : list) {
        if (!QFileInfo::exists(path)) continue;
        ++n;
        const QString label = QStringLiteral("&%1 %2").arg(n % 10).arg(QFileInfo(path).fileName());
        QAction* action =
            menu_->addAction(label, this, [this, path] { Q_EMIT openRequested(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (n == 0) menu_->addAction(tr("(no recent files)"))->setEnabled(false);
    menu_->addSeparator();
    menu_->addAction(tr("Clear list"), this, [this] {
        QSettings().remove(QLatin1String(kKey));
        rebuildMenu();
    });
}

}  // namespace rps
