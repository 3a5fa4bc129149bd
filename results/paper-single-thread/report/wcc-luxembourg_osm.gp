# wcc on luxembourg_osm: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot wcc-luxembourg_osm.gp

set title 'wcc on luxembourg_osm'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:1.5]
set xtics (1)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (0.002, 0.005, 0.01, 0.02, 0.05)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 2 box
set bmargin 7
set bars small
baseline_1 = 0.001361683  # serial:union-find
set label 1 'serial:union-find 0.00136 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 0.00186373  # serial:union-find-hilbert
set label 2 'serial:union-find-hilbert 0.00186 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'
baseline_3 = 0.035891888  # serial:label-propagation-hilbert
set label 3 'serial:label-propagation-hilbert 0.0359 s' at graph 0.98, first baseline_3 right offset 0,0.6 front textcolor rgb '#aa5500'
baseline_4 = 0.042018563  # serial:label-propagation
set label 4 'serial:label-propagation 0.0420 s' at graph 0.98, first baseline_4 right offset 0,0.6 front textcolor rgb '#0055aa'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'wcc-luxembourg_osm.svg'
plot baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:union-find, 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:union-find-hilbert (union-find), 1 thread', \
     baseline_3 with lines dt 4 lw 2 lc rgb '#aa5500' title 'serial:label-propagation-hilbert (label-propagation), 1 thread', \
     baseline_4 with lines dt 5 lw 2 lc rgb '#0055aa' title 'serial:label-propagation, 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'wcc-luxembourg_osm.png'
replot
unset output
