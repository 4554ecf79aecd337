#pragma once
// qcustomplot.h uses the `signals` and `foreach` keywords that QT_NO_KEYWORDS switches off
// (STYLE.md); map them to the macros for this one include. Include this, never qcustomplot.h.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals
