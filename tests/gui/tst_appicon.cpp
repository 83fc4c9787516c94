// The program's icon draws at the sizes the window, the tray and the About box use, whether
// this Qt reads SVG (Linux) or only the ICO (the Windows build, which ships no SVG plugin).
#include "AppIcon.h"

#include <QApplication>
#include <QTest>

class TestAppIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsAtEverySize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 32, 48, 64})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void drawsAtEverySize()
    {
        QFETCH(int, size);
        const QPixmap pixmap = Outpost::appIcon().pixmap(size, size);
        QVERIFY(!pixmap.isNull());
        QCOMPARE(pixmap.width(), size);
        // Not an empty square: some pixel is opaque.
        const QImage image = pixmap.toImage();
        bool opaque = false;
        for (int y = 0; y < image.height() && !opaque; ++y)
            for (int x = 0; x < image.width() && !opaque; ++x)
                opaque = qAlpha(image.pixel(x, y)) > 0;
        QVERIFY(opaque);
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
