# wcc on twitter-like from disk: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot wcc-twitter-like_from_disk.gp

set title 'wcc on twitter-like from disk'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:1.5]
set xtics (1)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (10)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 7
set bars small
baseline_1 = 6.91431474  # serial:union-find-stream
set label 1 'serial:union-find-stream 6.91 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 14.0893689  # serial:label-propagation-stream
set label 2 'serial:label-propagation-stream 14.1 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'wcc-twitter-like_from_disk.svg'
plot baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:union-find-stream (union-find), 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:label-propagation-stream (label-propagation), 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'wcc-twitter-like_from_disk.png'
replot
unset output
