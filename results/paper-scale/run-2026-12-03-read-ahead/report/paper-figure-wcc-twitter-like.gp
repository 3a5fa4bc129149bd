# The paper's picture for wcc: published systems (points) and this run's single threads (lines). Written by cost report. Redraw with: gnuplot paper-figure-wcc-twitter-like.gp

set logscale xy
set xrange [0.7:256]
set yrange [2.14103365:5352]
set xlabel 'cores'
set ylabel 'seconds (twitter_rv published, twitter-like measured)'
set title 'wcc: the paper''s systems on twitter_rv against one thread of this machine on twitter-like'
set key outside bottom center vertical box noenhanced
set grid lc rgb '#dddddd'
set label 1 'Stratosphere 950 s' at 16,887.659055 offset char 0.8,0.5 font ',9' noenhanced
set label 2 'X-Stream 1159 s' at 16,1159 offset char 0.8,0.5 font ',9' noenhanced
set label 3 'Spark 1784 s' at 128,1784 offset char 0.8,0.5 font ',9' noenhanced
set label 4 'Giraph 200 s' at 128,147.230988 offset char 0.8,0.5 font ',9' noenhanced
set label 5 'GraphLab 242 s' at 128,192.236776 offset char 0.8,0.5 font ',9' noenhanced
set label 6 'GraphX 251 s' at 128,251 offset char 0.8,0.5 font ',9' noenhanced
set label 7 'single thread (SSD) 153 s' at 1,153 offset char 0.8,0.5 font ',9' noenhanced
set label 8 'union-find (SSD) 15.0 s' at 1,15 offset char 0.8,0.5 font ',9' noenhanced

set terminal svg size 900,640 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'paper-figure-wcc-twitter-like.svg'
plot 'paper-figure-wcc-twitter-like.dat' index 0 using 1:2 with points pt 7 ps 1.4 lc rgb '#c0392b' title 'published systems', \
     'paper-figure-wcc-twitter-like.dat' index 1 using 1:2 with points pt 5 ps 1.2 lc rgb '#7d3c98' title 'published single threads (the paper''s laptop)', \
     6.91431474 with lines lw 2 dt 2 lc rgb '#1e8449' title 'this run, 1 thread, hilbert order, disk: serial:union-find-stream 6.91 s', \
     6.42310095 with lines lw 2 dt 1 lc rgb '#1e8449' title 'this run, 1 thread, hilbert order, RAM: serial:union-find-stream 6.42 s'

set terminal pngcairo size 900,640 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'paper-figure-wcc-twitter-like.png'
replot
unset output
